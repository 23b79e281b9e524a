package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On a terminal the run console outlives the run until Ctrl-C: {@code gepa run} in a child JVM whose stdin and stdout
 * are a pseudo-terminal (util-linux {@code script}), the console answering after the summary, then SIGINT (what
 * Ctrl-C sends) ends the process and the console with it. The child's SIGINT handling is set explicitly with
 * coreutils {@code env}: a build started as a background job of a script ignores SIGINT and passes that on, and a
 * JVM that starts with SIGINT ignored never shuts down on it. With SIGINT ignored the run must not wait at all.
 * Skipped where {@code script} or such an {@code env} is missing.
 */
class ConsoleKeptServingOnTerminalTest {
    private static final Path SCRIPT = Path.of("/usr/bin/script");
    private static final Path ENV = Path.of("/usr/bin/env");
    private static final Pattern STILL_SERVING = Pattern.compile("run console: (http://\\S+) \\(still serving");

    @TempDir
    Path dir;

    @Test
    void the_console_keeps_serving_after_the_run_until_ctrl_c() throws Exception {
        Process terminal = startOnTerminal("--default-signal=INT");
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(terminal.getInputStream(),
                StandardCharsets.UTF_8))) {
            String url = awaitStillServing(out, seen);

            HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
            HttpResponse<String> runs = http.send(HttpRequest.newBuilder(URI.create(url + "api/runs"))
                    .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(runs.statusCode()).as("the console after the run").isEqualTo(200);
            assertThat(runs.body()).contains("\"run_id\":\"tty\"").contains("\"status\":\"finished\"");
            Thread.sleep(1500);
            assertThat(terminal.isAlive()).as("still waiting for Ctrl-C; output: %s", seen).isTrue();

            ProcessHandle child = terminal.toHandle().descendants()
                    .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false)).findFirst()
                    .orElseThrow(() -> new AssertionError("no java process under script; output: " + seen));
            new ProcessBuilder("kill", "-INT", String.valueOf(child.pid())).start().waitFor(10, TimeUnit.SECONDS);

            assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as("ended after Ctrl-C; output: %s", seen).isTrue();
            assertThat(child.isAlive()).isFalse();
            assertThat(answers(http, url)).as("the console is gone after Ctrl-C").isFalse();
        } finally {
            terminal.descendants().forEach(ProcessHandle::destroyForcibly);
            terminal.destroyForcibly();
        }
    }

    @Test
    void a_process_that_ignores_ctrl_c_does_not_keep_the_console() throws Exception {
        Process terminal = startOnTerminal("--ignore-signal=INT");
        List<String> seen = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(terminal.getInputStream(),
                StandardCharsets.UTF_8))) {
            readUntilEnd(out, seen);
            assertThat(terminal.waitFor(60, TimeUnit.SECONDS)).as("ended on its own; output: %s", seen).isTrue();
            assertThat(terminal.exitValue()).as("exit code; output: %s", seen).isZero();
            assertThat(seen).as("output").noneMatch(line -> line.contains("still serving"))
                    .anyMatch(line -> line.matches("run console: http://\\S+ \\(not kept serving: this process"
                            + " ignores Ctrl-C, so nothing could stop it\\)"))
                    .anyMatch(line -> line.startsWith("console later: "));
        } finally {
            terminal.descendants().forEach(ProcessHandle::destroyForcibly);
            terminal.destroyForcibly();
        }
    }

    /** {@code gepa run} (a small banking77 run with the console) on a pseudo-terminal, SIGINT set by {@code env}. */
    private Process startOnTerminal(String sigintOption) throws Exception {
        assumeThat(Files.isExecutable(SCRIPT)).as("util-linux script gives the child a terminal").isTrue();
        assumeThat(Files.isExecutable(ENV) && new ProcessBuilder(ENV.toString(), sigintOption, "true").start()
                .waitFor() == 0).as("env %s (coreutils 8.31+) sets the child's SIGINT handling", sigintOption).isTrue();
        Path config = Files.writeString(dir.resolve("gepa.toml"), """
                [run]
                run_id = "tty"
                workspace = "ws"
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 8
                heldout_size = 8
                [gepa]
                max_rollouts = 60
                heldout_top_k = 1
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String command = String.join(" ", quoted(List.of(ENV.toString(), sigintOption, java,
                "--enable-native-access=ALL-UNNAMED", "-Dai.djl.offline=true", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", config.toString(), "--quiet")));
        ProcessBuilder builder = new ProcessBuilder(SCRIPT.toString(), "-qfec", command, "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("OPT_OUT_TRACKING", "true");
        return builder.start();
    }

    /** Reads the child's terminal to its end (bounded). */
    private static void readUntilEnd(BufferedReader out, List<String> seen) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
        }
    }

    /** Reads the child's terminal until the still-serving line (bounded), then checks the paths that follow it. */
    private static String awaitStillServing(BufferedReader out, List<String> seen) throws IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        String url = null;
        String line;
        while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
            seen.add(line);
            Matcher m = STILL_SERVING.matcher(line);
            if (m.find()) {
                url = m.group(1);
            }
            if (url != null && line.startsWith("console later: ")) {
                assertThat(seen.get(seen.size() - 2)).startsWith("report: ").endsWith("report.html");
                return url;
            }
        }
        throw new AssertionError("no still-serving line and paths within the time; output: " + seen);
    }

    private static boolean answers(HttpClient http, String url) throws InterruptedException {
        try {
            http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding());
            return true;
        } catch (IOException refused) {
            return false;
        }
    }

    private static List<String> quoted(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").toList();
    }
}
