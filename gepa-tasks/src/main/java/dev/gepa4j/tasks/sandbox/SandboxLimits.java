package dev.gepa4j.tasks.sandbox;

import java.time.Duration;

/**
 * The limits of one sandboxed run.
 *
 * @param wallClock      real time the run may take; then its whole process group (and, when it runs under a user id
 *                       of its own, every process of that id) is killed
 * @param cpuSeconds     CPU time of each process ({@code RLIMIT_CPU}; SIGXCPU at the limit, SIGKILL a second later)
 * @param addressSpace   virtual memory of each process in bytes ({@code RLIMIT_AS}; allocations beyond fail, which
 *                       Python reports as MemoryError)
 * @param fileSize       the largest file any process may write, in bytes ({@code RLIMIT_FSIZE}; SIGXFSZ beyond);
 *                       it also bounds the run's stdout and stderr, which go to files
 * @param processes      processes and threads of the run's user id ({@code RLIMIT_NPROC}); enforced per run only
 *                       when the run has a user id of its own (see {@link SandboxIsolation})
 * @param outputTailChars how much of the end of stdout and stderr is kept for feedback
 */
public record SandboxLimits(Duration wallClock, int cpuSeconds, long addressSpace, long fileSize, int processes,
                            int outputTailChars) {
    public SandboxLimits {
        if (wallClock.isNegative() || wallClock.isZero() || cpuSeconds < 1 || addressSpace < (64L << 20)
                || fileSize < 4096 || processes < 1 || outputTailChars < 100) {
            throw new IllegalArgumentException("sandbox limits out of range: wall clock > 0, cpu >= 1 s, address "
                    + "space >= 64 MB, file size >= 4 KB, processes >= 1, output tail >= 100 chars");
        }
    }

    /** 20 s wall clock, 10 s CPU, 512 MB address space, 16 MB files, 32 processes, 1,500 characters of output. */
    public static SandboxLimits defaults() {
        return new SandboxLimits(Duration.ofSeconds(20), 10, 512L << 20, 16L << 20, 32, 1_500);
    }

    public SandboxLimits withWallClock(Duration wall) {
        return new SandboxLimits(wall, cpuSeconds, addressSpace, fileSize, processes, outputTailChars);
    }

    public SandboxLimits withCpuSeconds(int cpu) {
        return new SandboxLimits(wallClock, cpu, addressSpace, fileSize, processes, outputTailChars);
    }
}
