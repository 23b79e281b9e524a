package dev.gepa4j.runtime.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The stdlib-only Python examples under examples/, each run as a real python3 process and checked over HTTP. */
class PythonExampleConformanceTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    /** The line of the sync example that refuses key fields in bodies: what "key policing removed" removes. */
    private static final String KEY_POLICING = "key_field = find_api_key_field(body)";

    @TempDir
    Path dir;

    static Path repoRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("mvnw"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("no directory above " + Path.of("").toAbsolutePath()
                    + " holds mvnw: run the tests from inside the gepa4j checkout");
        }
        return dir;
    }

    static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A python3 container started on a free port; its URL is what it printed first. */
    private record Running(Process process, String url) implements AutoCloseable {
        static Running start(Path script) throws IOException {
            assertThat(script).exists();
            // port 0: the example binds a free port and prints its URL, so parallel builds never collide
            Process python = new ProcessBuilder("python3", script.toString(), "0").redirectErrorStream(true).start();
            BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            if (!m.find()) {
                python.destroyForcibly();
                throw new AssertionError("first line of " + script + ": " + first);
            }
            return new Running(python, m.group(1));
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(60) // a hung interpreter must fail the build, not stall it
    void thePythonExampleIsConformant() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        try (Running python = Running.start(repoRoot().resolve("examples/python-container/container.py"))) {
            ConformanceReport report = ConformanceCheck.of(python.url()).run();

            assertThat(report.conformant()).as(report.checks().toString()).isTrue();
            assertThat(report.checks()).hasSize(13);
            assertThat(report.verdict(false)).isEqualTo("conformant");
        }
    }

    @Test
    @Timeout(60)
    void theSyncExampleWithoutItsKeyPolicingIsConformantWithOneWarning() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        Path original = repoRoot().resolve("examples/python-container/container.py");
        String source = Files.readString(original);
        assertThat(source).as("the example still polices key fields where this test expects").contains(KEY_POLICING);
        Path copy = dir.resolve("container.py");
        Files.writeString(copy, source.replace(KEY_POLICING, "key_field = None"));

        try (Running python = Running.start(copy)) {
            ConformanceReport report = ConformanceCheck.of(python.url()).run();

            assertThat(report.verdict(false)).as(report.checks().toString()).isEqualTo("conformant with 1 warning");
            assertThat(report.exitCode(false)).isZero();
            assertThat(report.exitCode(true)).isEqualTo(1);
            CheckResult warning = report.warnings().getFirst();
            assertThat(warning.id()).isEqualTo("rollout.refuses_key_fields");
            assertThat(warning.detail()).contains("HTTP 200", "reject any field whose name contains api_key with 422");
        }
    }

    @Test
    @Timeout(90)
    void theAsyncExampleIsConformantInItsOwnMode() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        try (Running python = Running.start(repoRoot().resolve("examples/python-async-container/container.py"))) {
            ConformanceReport report = ConformanceCheck.of(python.url()).withPollInterval(Duration.ofMillis(50)).run();

            assertThat(report.verdict(false)).as(report.checks().toString()).isEqualTo("conformant");
            assertThat(report.checks())
                    .filteredOn(c -> c.id().equals("rollout.train") || c.id().equals("rollout.heldout")).hasSize(2)
                    .allSatisfy(c -> assertThat(c.name()).endsWith("(async, polled)"));
        }
    }
}
