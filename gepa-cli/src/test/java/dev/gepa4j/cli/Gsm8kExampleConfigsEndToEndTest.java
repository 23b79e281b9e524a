package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two GSM8K example configs run as the README says (the built-in container, the OpenAI-compatible TEST DOUBLE
 * for policy and proposer), in-process over loopback HTTP: the example files themselves, with only the test
 * double's port and the workspace folder changed.
 */
class Gsm8kExampleConfigsEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path EXAMPLES = Path.of("..", "examples", "configs");

    @TempDir
    Path dir;

    @Test
    void the_react_example_finishes_with_a_packet_and_its_stored_traces_hold_tool_calls_and_results() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            String runId = run("gsm8k-react-test-double.toml", "react-e2e", llm);

            JsonNode packet = JSON.readTree(dir.resolve("ws/" + runId + "/evidence/packet.json").toFile());
            assertThat(packet.at("/best/candidate_id").asText()).isNotBlank();
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                List<RolloutRecord> rollouts = ws.reader().rollouts(runId, 0);
                List<JsonNode> events = rollouts.stream().flatMap(r -> events(r).stream()).toList();
                assertThat(events).anyMatch(e -> e.path("type").asText().equals("tool_call")
                        && e.path("text").asText().contains("calculator({\"expression\":")
                        && e.path("module_id").asText().equals("tool_guide"));
                assertThat(events).anyMatch(e -> e.path("type").asText().equals("observation")
                        && e.path("module_id").asText().equals("tool_guide"));
                assertThat(events).anyMatch(e -> e.path("type").asText().equals("verdict")
                        && e.path("module_id").asText().equals("system_prompt"));
                assertThat(packet.at("/best/train").asDouble()).as("the tool-using prompt wins")
                        .isGreaterThan(packet.at("/seed/train").asDouble());
            }
        }
    }

    @Test
    void the_debate_example_finishes_with_a_packet_whose_candidates_changed_both_fields() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            String runId = run("gsm8k-debate-test-double.toml", "debate-e2e", llm);

            assertThat(dir.resolve("ws/" + runId + "/evidence/packet.json")).exists();
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                List<CandidateRecord> candidates = ws.reader().candidates(runId);
                Map<String, String> seed = candidates.getFirst().candidate().components();
                assertThat(candidates).anyMatch(c -> !c.candidate().components().get("solver_prompt")
                        .equals(seed.get("solver_prompt")));
                assertThat(candidates).anyMatch(c -> !c.candidate().components().get("critic_prompt")
                        .equals(seed.get("critic_prompt")));
                List<JsonNode> events = ws.reader().rollouts(runId, 0).stream().flatMap(r -> events(r).stream())
                        .toList();
                assertThat(events).anyMatch(e -> e.path("type").asText().equals("solver")
                        && e.path("module_id").asText().equals("solver_prompt"));
                assertThat(events).anyMatch(e -> e.path("type").asText().equals("critic")
                        && e.path("module_id").asText().equals("critic_prompt"));
            }
        }
    }

    /** Runs an example config with the test double's port and a workspace in the temp folder; returns the run id. */
    private String run(String example, String runId, OpenAiCompatibleTestServer llm) throws Exception {
        String text = Files.readString(EXAMPLES.resolve(example))
                .replace("http://127.0.0.1:8089/v1", llm.baseUrl())
                .replace("workspace = \"../../gepa-runs\"", "workspace = \"ws\"\nrun_id = \"" + runId + "\"");
        assertThat(text).contains(llm.baseUrl()).contains("run_id = \"" + runId + "\"");
        Path config = dir.resolve(example);
        Files.writeString(config, text);
        CliRun.Output o = CliRun.run("run", config.toString(), "--no-console", "--quiet");
        assertThat(o.code()).as("exit code; stdout:%n%s%nstderr:%n%s", o.out(), o.allErr()).isZero();
        assertThat(o.out()).contains(runId + ": seed heldout");
        return runId;
    }

    private static List<JsonNode> events(RolloutRecord r) {
        try {
            String trace = r.result().traceJson();
            if (trace == null || trace.isBlank()) {
                return List.of();
            }
            List<JsonNode> out = new java.util.ArrayList<>();
            JSON.readTree(trace).path("event_history").forEach(out::add);
            return out;
        } catch (Exception e) {
            throw new AssertionError("unreadable stored trace: " + e.getMessage(), e);
        }
    }
}
