package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Canary keys against a whole {@code gepa run}, in a child JVM whose environment holds them (as a user's shell
 * would give them): a key the task container requires, a provider key, and a key handed to the agent. The agent
 * tries to leak its key and to read the others through {@code /proc}; the model (the TEST DOUBLE) echoes the key.
 * While it runs, the workspace's {@code -wal} file (where rows live until the checkpoint at close) is searched
 * again and again; afterwards no canary may appear in any file of the workspace folder (database, proposal folders,
 * evidence packet) or in what the command printed.
 */
class SecretsEndToEndTest {
    private static final String CONTAINER_KEY = "ctr-canary-5d1e8f3a2b7c";
    private static final String PROVIDER_KEY = "sk-canary-9a4c7e1f3b2d";
    private static final String AGENT_KEY = "agt-canary-3f8b2a6d9c1e";
    @TempDir
    Path dir;
    private ContainerServer container;

    @BeforeEach
    void startContainerRequiringItsKey() {
        container = BuiltinContainers.start("banking77", ServerOptions.defaults().withApiKey(CONTAINER_KEY));
    }

    @AfterEach
    void stopContainer() {
        container.close();
    }

    @Test
    void aLeakyAgentLeavesNoKeyInTheWorkspaceTheEvidenceOrTheOutput() throws Exception {
        Path agent = dir.resolve("leaky-agent.sh");
        try (InputStream in = getClass().getResourceAsStream("/agents/leaky-agent.sh")) {
            Files.copy(in, agent);
        }
        Files.setPosixFilePermissions(agent, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = write("agent.toml", configWith("leak-agent", """
                kind = "agent"
                command = ["%s"]
                timeout_seconds = 60
                pass_env = ["CANARY_AGENT_KEY"]
                """.formatted(agent)));

        String output = runInChildJvm(config);

        assertThat(output).contains("leak-agent: seed heldout", "EVERY PROPOSAL WAS REJECTED");
        assertNoCanaryAnywhere(output);
        // the agent really ran, had its own key, and wrote it: the record shows where it was removed
        Path folder = dir.resolve("ws/proposals/leak-agent/1");
        assertThat(folder.resolve("notes.txt")).content().contains("[secret CANARY_AGENT_KEY removed]");
        // what it read from its parent's /proc environ, reversed so no scrubbing could hide it: no key value
        String reversedFind = new StringBuilder(Files.readString(folder.resolve("found-reversed.txt"))).reverse()
                .toString();
        assertThat(reversedFind).doesNotContain(PROVIDER_KEY).doesNotContain(CONTAINER_KEY);
    }

    @Test
    void aModelEchoingTheKeyGetsItsDraftDroppedAndNothingStored() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            llm.whenScriptEmpty(ScriptedReply.answer("```\nClassify the intent. Use key " + PROVIDER_KEY + "\n```"));
            Path config = write("llm.toml", configWith("leak-llm", """
                    kind = "llm"
                    model = "test-double"
                    base_url = "%s"
                    api_key_env = "OPENAI_API_KEY"
                    """.formatted(llm.baseUrl())));

            String output = runInChildJvm(config);

            assertThat(llm.requests()).isNotEmpty().allMatch(r -> PROVIDER_KEY.equals(r.credential()));
            assertThat(output).contains("EVERY PROPOSAL WAS REJECTED");
            assertNoCanaryAnywhere(output);
        }
    }

    private String runInChildJvm(Path config) throws Exception {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> argv = new ArrayList<>(List.of(java, "--enable-native-access=ALL-UNNAMED",
                "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "run", config.toString(), "--no-console", "--quiet"));
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = new HashMap<>(System.getenv());
        env.put("CANARY_CONTAINER_KEY", CONTAINER_KEY);
        env.put("OPENAI_API_KEY", PROVIDER_KEY);
        env.put("CANARY_AGENT_KEY", AGENT_KEY);
        env.put("OPT_OUT_TRACKING", "true");
        pb.environment().clear();
        pb.environment().putAll(env);
        Process p = pb.start();
        var output = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                return in.readAllBytes(); // ends when the child exits (or is killed below)
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        // the WAL exists only while the run has the workspace open: search it as the run goes
        int walsSearched = 0;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(300);
        while (p.isAlive() && System.nanoTime() < deadline) {
            walsSearched += searchWal(dir.resolve("ws/workspace.sqlite-wal"));
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        if (p.isAlive()) {
            p.destroyForcibly();
        }
        String text = new String(output.get(60, TimeUnit.SECONDS), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("gepa run exit code; output:%n%s", text).isZero();
        assertThat(walsSearched).as("the WAL was searched while the run wrote it").isPositive();
        return text;
    }

    /** 1 when the file existed and held no canary, 0 when it did not exist; fails on a canary. */
    private static int searchWal(Path wal) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(wal);
        } catch (IOException absent) {
            return 0;
        }
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        for (String canary : List.of(CONTAINER_KEY, PROVIDER_KEY, AGENT_KEY)) {
            assertThat(text).as("%s during the run", wal).doesNotContain(canary);
        }
        return bytes.length > 0 ? 1 : 0;
    }

    private void assertNoCanaryAnywhere(String output) throws IOException {
        for (String canary : List.of(CONTAINER_KEY, PROVIDER_KEY, AGENT_KEY)) {
            assertThat(output).as("command output").doesNotContain(canary);
        }
        List<Path> files;
        try (Stream<Path> all = Files.walk(dir.resolve("ws"))) {
            files = all.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("workspace database, proposal folders and evidence were written")
                .anyMatch(f -> f.getFileName().toString().equals("workspace.sqlite"))
                .anyMatch(f -> f.getFileName().toString().equals("packet.json"))
                .anyMatch(f -> f.getFileName().toString().equals("report.html"));
        for (Path f : files) {
            String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
            for (String canary : List.of(CONTAINER_KEY, PROVIDER_KEY, AGENT_KEY)) {
                assertThat(bytes).as("%s must not hold a canary key", f).doesNotContain(canary);
            }
        }
    }

    /** A small run against the key-requiring container, with the given {@code [proposer]} lines. */
    private String configWith(String runId, String proposerLines) {
        return """
                [run]
                run_id = "%s"
                workspace = "ws"
                mode = "serial"
                [container]
                url = "%s"
                api_key_env = "CANARY_CONTAINER_KEY"
                [dataset]
                train_size = 8
                heldout_size = 8
                [gepa]
                max_rollouts = 100
                max_proposals = 2
                merge = false
                heldout_top_k = 1
                [proposer]
                """.formatted(runId, container.url()) + proposerLines;
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, text);
        return file;
    }
}
