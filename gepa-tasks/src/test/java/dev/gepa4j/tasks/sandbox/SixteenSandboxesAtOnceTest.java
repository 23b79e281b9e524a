package dev.gepa4j.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Sixteen sandboxes running at the same moment, each with its own folder, all passing; generous limits for a loaded machine. */
@Timeout(600)
class SixteenSandboxesAtOnceTest {
    private static final int RUNS = 16;

    @Test
    void sixteenRunsAtOnceAllPassWithTheirOwnFolders() throws Exception {
        SandboxLimits limits = SandboxLimits.defaults().withWallClock(Duration.ofSeconds(240)).withCpuSeconds(120);
        try (PythonSandbox sandbox = PythonSandbox.start(limits)) {
            CountDownLatch allStarted = new CountDownLatch(RUNS);
            List<Future<SandboxRun>> runs = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(RUNS)) {
                for (int i = 0; i < RUNS; i++) {
                    int n = i;
                    runs.add(pool.submit(() -> {
                        allStarted.countDown();
                        // each run holds its slot for 5 s so the sixteen overlap; the peak is watched below
                        return sandbox.run("import os, time\nopen('mine.txt', 'w').write('" + n + "')\n"
                                + "time.sleep(5)\nassert open('mine.txt').read() == '" + n + "'\n"
                                + "assert sum(range(" + (1000 * n) + ")) == " + sumBelow(1000L * n) + "\n"
                                + "print(" + n + ")\n");
                    }));
                }
                assertThat(allStarted.await(60, TimeUnit.SECONDS)).isTrue();
                int peak = 0;
                for (int polls = 0; polls < 6_000 && !runs.stream().allMatch(Future::isDone); polls++) {
                    peak = Math.max(peak, sandbox.running());
                    Thread.sleep(20);
                }
                assertThat(peak).as("runs in progress at the same moment").isEqualTo(RUNS);
                for (int i = 0; i < RUNS; i++) {
                    SandboxRun run = runs.get(i).get(500, TimeUnit.SECONDS);
                    assertThat(run.passed()).as("run %d: %s %s", i, run.ending(), run.stderrTail()).isTrue();
                    assertThat(run.stdoutTail()).isEqualTo(Integer.toString(i));
                }
            }
        }
    }

    private static long sumBelow(long n) {
        return n * (n - 1) / 2;
    }
}
