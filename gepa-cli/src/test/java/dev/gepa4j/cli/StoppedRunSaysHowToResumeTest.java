package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by SIGTERM still ends its stdout with the summary line, whose stop reason says it was interrupted and
 * how to resume it, and the report's path: {@code gepa demo} in a child JVM, terminated once its loop is under way.
 * (The shutdown used to let the JVM go as soon as the loop returned, before the summary was printed.)
 */
class StoppedRunSaysHowToResumeTest {
    /** Printed as the loop starts; the signal handler is in place a moment later. */
    private static final Pattern UNDER_WAY = Pattern.compile("^run stopme: ");

    @TempDir
    Path dir;

    @Test
    void sigterm_during_a_run_prints_the_summary_with_the_resume_command() throws Exception {
        Path workspace = dir.resolve("ws");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // a budget far beyond what the run reaches before the signal, so it is still running when it comes
        ProcessBuilder builder = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true",
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "demo", "--no-console",
                "--mode", "serial", "--budget", "200000", "--run-id", "stopme", "--out", workspace.toString());
        builder.environment().put("OPT_OUT_TRACKING", "true");
        Process child = builder.start();
        List<String> errors = new CopyOnWriteArrayList<>();
        CountDownLatch underWay = new CountDownLatch(1);
        CompletableFuture<String> stdout = CompletableFuture.supplyAsync(() -> readAll(child));
        Thread errReader = Thread.ofVirtual().start(() -> {
            try (BufferedReader err = new BufferedReader(new InputStreamReader(child.getErrorStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = err.readLine()) != null) {
                    errors.add(line);
                    if (UNDER_WAY.matcher(line).find()) {
                        underWay.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the child is gone
            }
        });
        try {
            assertThat(underWay.await(240, TimeUnit.SECONDS)).as("the loop under way; stderr: %s", errors).isTrue();
            Thread.sleep(3000); // some rollouts in; the run cannot end by itself this early with this budget
            assertThat(child.isAlive()).as("still running before the signal; stderr: %s", errors).isTrue();
            child.toHandle().destroy(); // SIGTERM, leaving the streams open (Process.destroy closes them)

            assertThat(child.waitFor(120, TimeUnit.SECONDS)).as("ended after SIGTERM; stderr: %s", errors).isTrue();
            String out = stdout.get(30, TimeUnit.SECONDS);
            assertThat(out).as("stdout after SIGTERM; stderr: %s", errors)
                    .contains("stopme: seed heldout")
                    .contains("stop: interrupted (SIGINT/SIGTERM): resume with ./gepa resume stopme --workspace "
                            + workspace)
                    .contains("report: " + workspace.resolve("stopme").resolve("evidence").resolve("report.html"));
        } finally {
            child.destroyForcibly();
            errReader.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    private static String readAll(Process child) {
        try {
            return new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "(stdout unreadable: " + e.getMessage() + ")";
        }
    }
}
