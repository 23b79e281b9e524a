package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa run} on the two Python example containers, as the example configs describe them (real python3
 * processes, real HTTP, the agent script as a subprocess, real sqlite): the async container reaches the same result
 * as the sync one with the same seed in serial mode.
 */
class PythonExamplesRunTest {
    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    @Timeout(300)
    void theAsyncExampleReachesTheSameResultAsTheSyncOne() throws Exception {
        assumeTrue(python3Available(), "python3 is not installed");
        Path root = repoRoot();
        Process sync = start(root.resolve("examples/python-container/container.py"));
        Process async = start(root.resolve("examples/python-async-container/container.py"));
        try {
            JsonNode viaSync = run(root, "python-sync", url(sync));
            JsonNode viaAsync = run(root, "python-async", url(async));

            assertThat(viaSync.at("/best/candidate_id").asText()).startsWith("gepa_");
            for (String field : new String[] {"/best/candidate_id", "/best/train", "/best/heldout", "/seed/train",
                    "/seed/heldout", "/rollouts/used", "/rollouts/executed"}) {
                assertThat(viaSync.at(field).isValueNode()).as(field + " in the packet").isTrue();
                assertThat(viaAsync.at(field)).as(field).isEqualTo(viaSync.at(field));
            }
            assertThat(viaAsync.at("/best/heldout").asDouble()).as("the example's prompt improves")
                    .isGreaterThan(viaAsync.at("/seed/heldout").asDouble());
        } finally {
            stop(sync);
            stop(async);
        }
    }

    /** Runs an example config with the container at {@code url}; returns the evidence packet. */
    private JsonNode run(Path root, String name, String url) throws IOException {
        Path agent = root.resolve("examples/agent/review-hints.sh");
        String config = Files.readString(root.resolve("examples/configs/" + name + ".toml"))
                .replaceAll("url = \"http://127\\.0\\.0\\.1:\\d+\"", "url = \"" + url + "\"")
                .replace("workspace = \"../../gepa-runs\"", "workspace = \"" + name + "-ws\"\nrun_id = \"" + name + "\"")
                .replace("\"../agent/review-hints.sh\"", "\"" + agent + "\"");
        Path file = dir.resolve(name + ".toml");
        Files.writeString(file, config);

        CliRun.Output out = CliRun.run("run", file.toString(), "--no-console", "--quiet");

        assertThat(out.code()).as(out.allErr()).isZero();
        assertThat(out.out()).contains(name + ": seed heldout");
        return JSON.readTree(dir.resolve(name + "-ws/" + name + "/evidence/packet.json").toFile());
    }

    private static Process start(Path script) throws IOException {
        return new ProcessBuilder("python3", script.toString(), "0").redirectErrorStream(true).start();
    }

    private static String url(Process python) throws IOException {
        String first = new BufferedReader(new InputStreamReader(python.getInputStream(), StandardCharsets.UTF_8))
                .readLine();
        Matcher m = LISTENING.matcher(first == null ? "" : first);
        assertThat(m.find()).as("first line of the example: %s", first).isTrue();
        return m.group(1);
    }

    private static void stop(Process p) throws InterruptedException {
        p.destroy();
        if (!p.waitFor(5, TimeUnit.SECONDS)) {
            p.destroyForcibly();
        }
    }

    private static Path repoRoot() {
        Path d = Path.of("").toAbsolutePath();
        while (d != null && !Files.exists(d.resolve("mvnw"))) {
            d = d.getParent();
        }
        if (d == null) {
            throw new IllegalStateException("run the tests from inside the gepa4j checkout");
        }
        return d;
    }

    private static boolean python3Available() {
        try {
            Process p = new ProcessBuilder("python3", "--version").redirectErrorStream(true).start();
            return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }
}
