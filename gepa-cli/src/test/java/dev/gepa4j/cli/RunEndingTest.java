package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The end of a run's output when no person watches a terminal (piped, redirected, CI): the paths, then at once back
 * to the caller, console or not. The terminal case (serving until Ctrl-C) is {@link ConsoleKeptServingOnTerminalTest}.
 */
class RunEndingTest {

    @Test
    void piped_output_ends_at_once_with_the_report_and_the_console_command() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        CompletableFuture<RunEnding.Release> ending = CompletableFuture.supplyAsync(() -> {
            try {
                return RunEnding.end(out, Path.of("/w/run-1/evidence"), "/w", "http://127.0.0.1:1234/", false,
                        false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        ending.get(30, TimeUnit.SECONDS).close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "report: " + Path.of("/w/run-1/evidence/report.html"),
                "console later: ./gepa console --workspace " + Path.of("/w"));
    }

    @Test
    void without_a_console_a_terminal_does_not_wait_either() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CompletableFuture<RunEnding.Release> ending = CompletableFuture.supplyAsync(() -> {
            try {
                return RunEnding.end(new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of("e"), "w",
                        null, true, false);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        ending.get(30, TimeUnit.SECONDS).close();
        assertThat(bytes.toString(StandardCharsets.UTF_8)).doesNotContain("still serving").contains("report: ");
    }

    @Test
    void a_terminal_that_ignores_ctrl_c_is_told_so_and_does_not_wait() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        CompletableFuture<RunEnding.Release> ending = CompletableFuture.supplyAsync(() -> {
            try {
                return RunEnding.end(new PrintStream(bytes, true, StandardCharsets.UTF_8), Path.of("e"), "w",
                        "http://127.0.0.1:1234/", true, true);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        ending.get(30, TimeUnit.SECONDS).close();
        assertThat(bytes.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "run console: http://127.0.0.1:1234/ (not kept serving: this process ignores Ctrl-C, so nothing could"
                        + " stop it)",
                "report: " + Path.of("e/report.html"),
                "console later: ./gepa console --workspace " + Path.of("w"));
    }
}
