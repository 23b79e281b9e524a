package dev.gepa4j.runtime.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The stdlib-only Python example under examples/python-container, run as a real python3 process. */
class PythonExampleConformanceTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");

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

    @Test
    @Timeout(60) // a hung interpreter must fail the build, not stall it
    void thePythonExampleIsConformant() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        Path script = repoRoot().resolve("examples/python-container/container.py");
        assertThat(script).exists();
        // port 0: the example binds a free port and prints its URL, so parallel builds never collide
        Process python = new ProcessBuilder("python3", script.toString(), "0").redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(python.getInputStream(),
                    StandardCharsets.UTF_8));
            String first = out.readLine();
            Matcher m = LISTENING.matcher(first == null ? "" : first);
            assertThat(m.find()).as("first line of the example: %s", first).isTrue();

            ConformanceReport report = ConformanceCheck.of(m.group(1)).run();

            assertThat(report.conformant()).as(report.checks().toString()).isTrue();
            assertThat(report.checks()).hasSize(13);
            assertThat(report.verdict(false)).isEqualTo("conformant");
        } finally {
            python.destroy();
            if (!python.waitFor(5, TimeUnit.SECONDS)) {
                python.destroyForcibly();
            }
        }
    }
}
