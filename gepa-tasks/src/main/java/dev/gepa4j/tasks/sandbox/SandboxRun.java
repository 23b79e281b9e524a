package dev.gepa4j.tasks.sandbox;

import java.time.Duration;
import java.util.List;

/**
 * How one sandboxed run ended.
 *
 * @param ending         the kind of ending
 * @param exitCode       the program's exit status (128 + signal when a signal ended it; -1 when it was killed on
 *                       time-out)
 * @param stdoutTail     the end of its standard output, bounded by {@link SandboxLimits#outputTailChars()}
 * @param stderrTail     the end of its standard error, bounded likewise
 * @param outsideWrites  files it left outside its folder (found by owner, then deleted); empty when none or when the
 *                       run had no user id of its own to find them by
 * @param leftovers      processes of the run still found after the kill (0 normally)
 * @param elapsed        wall-clock time of the run
 */
public record SandboxRun(Ending ending, int exitCode, String stdoutTail, String stderrTail, List<String> outsideWrites,
                         int leftovers, Duration elapsed) {
    /** Exit status of a process ended by SIGXCPU (CPU-time limit). */
    static final int SIGXCPU_EXIT = 128 + 24;
    /** Exit status of a process ended by SIGXFSZ (file-size limit). */
    static final int SIGXFSZ_EXIT = 128 + 25;
    /** Exit status of a process ended by SIGKILL (the hard CPU limit, or the kernel's OOM killer). */
    static final int SIGKILL_EXIT = 128 + 9;

    public SandboxRun {
        outsideWrites = List.copyOf(outsideWrites);
    }

    /** The kinds of ending. Only {@link #COMPLETED} means the program ran to its end without an exception. */
    public enum Ending {
        /** Ran to the end without an exception and printed the runner's completion token. */
        COMPLETED,
        /** Raised an exception (a failed assertion, a MemoryError, a sandbox refusal, a syntax error...). */
        RAISED,
        /** Exited with status 0 but without the completion token: it left before its tests finished. */
        EXITED_EARLY,
        /** Still running at the wall-clock limit; everything of it was killed. */
        TIMED_OUT,
        /** Ended by the CPU-time limit. */
        CPU_LIMIT,
        /** Ended by the file-size limit. */
        FILE_SIZE_LIMIT,
        /** Ended by a signal, for another reason. */
        KILLED
    }

    /** True when the program completed and wrote nothing outside its folder. */
    public boolean passed() {
        return ending == Ending.COMPLETED && outsideWrites.isEmpty();
    }

    /**
     * One sentence saying why the run did not pass (or that it passed), naming the limit or guard that stopped it; the
     * details (the exception, the failing assertion) are in {@link #stderrTail()}.
     */
    public String reason(SandboxLimits limits) {
        if (!outsideWrites.isEmpty()) {
            return "it wrote outside its rollout folder (" + String.join(", ", outsideWrites.stream().limit(5).toList())
                    + "); the files were deleted";
        }
        return switch (ending) {
            case COMPLETED -> "it ran to the end without an exception";
            case TIMED_OUT -> "it was still running after " + limits.wallClock().toSeconds()
                    + " s of wall-clock time (an endless loop or a very slow solution?); all its processes were killed";
            case CPU_LIMIT -> "it used up its CPU-time limit of " + limits.cpuSeconds() + " s";
            case FILE_SIZE_LIMIT -> "it wrote more than the file-size limit of " + (limits.fileSize() >> 20)
                    + " MB (to a file or to its output)";
            case EXITED_EARLY -> "it exited (status 0) before its tests finished";
            case KILLED -> exitCode == SIGKILL_EXIT ? "it was killed (SIGKILL: the hard CPU-time limit or out of memory)"
                    : "it was ended by signal " + (exitCode - 128);
            case RAISED -> raisedReason(limits);
        };
    }

    private String raisedReason(SandboxLimits limits) {
        if (stderrTail.contains("MemoryError")) {
            return "it ran out of memory (the sandbox allows " + (limits.addressSpace() >> 20)
                    + " MB of address space per process)";
        }
        if (stderrTail.contains("BlockingIOError") || stderrTail.contains("Resource temporarily unavailable")) {
            return "it hit the process limit (" + limits.processes() + " processes)";
        }
        if (stderrTail.contains("PermissionError: sandbox:")) {
            String line = stderrTail.substring(stderrTail.lastIndexOf("PermissionError: sandbox:"));
            return "the sandbox refused it: " + line.substring("PermissionError: sandbox: ".length()).lines()
                    .findFirst().orElse("").strip();
        }
        if (stderrTail.contains("PermissionError") || stderrTail.contains("Permission denied")) {
            return "the operating system refused it access (Permission denied)";
        }
        if (stderrTail.contains("OSError: [Errno 101]") || stderrTail.contains("Network is unreachable")) {
            return "it tried to use the network, which the sandbox has none of";
        }
        return "it raised an exception";
    }
}
