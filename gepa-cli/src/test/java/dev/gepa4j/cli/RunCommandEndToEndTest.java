package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa run} end to end, as a user runs it: the built-in Banking77 container over loopback HTTP, a real sqlite
 * workspace, each proposer kind, and the evidence packet checked against the workspace.
 */
class RunCommandEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void a_small_offline_demo_writes_a_packet_that_agrees_with_the_workspace() throws Exception {
        Path config = write("offline.toml", """
                [run]
                run_id = "small-demo"
                workspace = "ws"
                seed = 1
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 20
                heldout_size = 30
                [gepa]
                max_rollouts = 300
                minibatch_size = 5
                heldout_top_k = 1
                """);

        String out = run("run", config.toString(), "--no-console", "--quiet");

        assertThat(out).contains("small-demo: seed heldout").contains("rollouts used");
        JsonNode packet = JSON.readTree(dir.resolve("ws/small-demo/evidence/packet.json").toFile());
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            WorkspaceReader reader = ws.reader();
            List<RolloutRecord> rollouts = reader.rollouts("small-demo", 0);
            long executed = rollouts.stream().filter(r -> !r.result().cached() && r.result().measured()).count();
            long used = rollouts.stream().filter(r -> r.result().measured()).count();
            long calls = rollouts.stream().mapToLong(r -> r.result().attempts()).sum();
            assertThat(packet.at("/rollouts/executed").asLong()).isEqualTo(executed).isPositive().isLessThanOrEqualTo(300);
            assertThat(packet.at("/rollouts/used").asLong()).isEqualTo(used).isLessThanOrEqualTo(300);
            assertThat(out).as("the summary line prints the packet's counts")
                    .contains(used + " rollouts used (" + executed + " executed, ")
                    .contains(calls + " container calls");
            assertThat(packet.at("/splits/train").asInt()).isEqualTo(20);
            assertThat(packet.at("/splits/heldout").asInt()).isEqualTo(30);
            String seedId = packet.at("/seed/candidate_id").asText();
            assertThat(packet.at("/seed/heldout").asDouble())
                    .isEqualTo(heldoutMean(rollouts, seedId), org.assertj.core.data.Offset.offset(1e-9));
            String bestId = packet.at("/best/candidate_id").asText();
            assertThat(reader.candidates("small-demo")).anyMatch(c -> c.candidate().id().equals(bestId));
            assertThat(Files.readString(dir.resolve("ws/small-demo/evidence/best/system_prompt.txt")))
                    .isEqualTo(packet.at("/best/components/system_prompt").asText());
            assertThat(reader.run("small-demo").orElseThrow().status().label()).isEqualTo("finished");
        }
    }

    @Test
    void a_run_whose_every_rollout_fails_inside_the_container_says_so_instead_of_reporting_zeros() throws Exception {
        // the policy's model server is a refused loopback port: the container answers every rollout as failed
        Path config = write("unreachable-policy.toml", """
                [run]
                run_id = "no-model"
                workspace = "ws"
                mode = "serial"
                [container]
                builtin = "banking77"
                [policy]
                provider = "openai"
                model = "gpt-4.1-nano"
                base_url = "http://127.0.0.1:1/v1"
                [dataset]
                train_size = 4
                heldout_size = 4
                [gepa]
                max_rollouts = 40
                heldout_top_k = 1
                max_proposals = 1
                """);

        String out = run("run", config.toString(), "--no-console", "--quiet");

        assertThat(out).contains("no-model: seed heldout")
                .containsPattern("EVERY ROLLOUT FAILED INSIDE THE CONTAINER \\((\\d+) of \\1, reward 0\\)");
    }

    @Test
    void the_llm_proposer_runs_against_a_local_openai_compatible_test_double() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            Path config = write("llm.toml", """
                    [run]
                    run_id = "llm-run"
                    workspace = "ws"
                    mode = "serial"
                    [container]
                    builtin = "banking77"
                    [dataset]
                    train_size = 10
                    heldout_size = 10
                    [proposer]
                    kind = "llm"
                    model = "test-double"
                    base_url = "%s"
                    [gepa]
                    max_rollouts = 120
                    max_proposals = 3
                    merge = false
                    heldout_top_k = 1
                    """.formatted(llm.baseUrl()));

            String out = run("run", config.toString(), "--no-console", "--quiet");

            assertThat(out).contains("llm-run: seed heldout");
            assertThat(llm.requests()).isNotEmpty();
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                var proposals = ws.reader().proposals("llm-run");
                assertThat(proposals).isNotEmpty().allMatch(p -> p.proposer().equals("llm"));
                assertThat(proposals.getFirst().input()).contains("Classify the user's banking intent");
            }
        }
    }

    @Test
    void the_agent_proposer_runs_a_real_script_in_its_proposal_folder() throws Exception {
        Path agent = repoRoot().resolve("examples/agent/add-descriptions.sh");
        Path config = write("agent.toml", """
                [run]
                run_id = "agent-run"
                workspace = "ws"
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 10
                heldout_size = 10
                [proposer]
                kind = "agent"
                command = ["%s"]
                timeout_seconds = 60
                [gepa]
                max_rollouts = 120
                max_proposals = 2
                merge = false
                heldout_top_k = 1
                """.formatted(agent));

        run("run", config.toString(), "--no-console", "--quiet");

        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            var proposals = ws.reader().proposals("agent-run");
            assertThat(proposals).isNotEmpty().allMatch(p -> p.proposer().equals("agent"));
            assertThat(proposals.getFirst().drafts()).isNotEmpty();
            assertThat(proposals.getFirst().drafts().getFirst().get("system_prompt")).contains("- ");
        }
        assertThat(dir.resolve("ws/proposals/agent-run/1/proposal/manifest.json")).exists();
    }

    @Test
    void a_config_with_a_misspelt_key_fails_with_exit_2_and_names_the_key() throws Exception {
        Path config = write("bad.toml", "[gepa]\nmax_rollout = 10\n");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        cl.setErr(new java.io.PrintWriter(err, true, StandardCharsets.UTF_8));

        int code = cl.execute("run", config.toString());

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("max_rollout").contains("max_rollouts");
    }

    private static double heldoutMean(List<RolloutRecord> rollouts, String candidateId) {
        return rollouts.stream().filter(r -> r.result().example().split() == Split.HELDOUT)
                .filter(r -> r.result().candidateId().equals(candidateId))
                .mapToDouble(r -> r.result().reward()).average().orElseThrow();
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    /** Runs gepa in-process and returns its standard output; fails the test unless it exits with 0. */
    static String run(String... args) {
        CliRun.Output o = CliRun.run(args);
        int code = o.code();
        String text = o.out();
        assertThat(code).as("exit code of gepa %s; stdout:%n%s", String.join(" ", args), text).isZero();
        return text;
    }

    static Path repoRoot() {
        Path p = Path.of("").toAbsolutePath();
        while (p != null && !Files.exists(p.resolve("mvnw"))) {
            p = p.getParent();
        }
        return p;
    }
}
