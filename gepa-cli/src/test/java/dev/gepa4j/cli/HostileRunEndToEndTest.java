package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa run} against a hostile model server (the gepa-testkit TEST DOUBLE over loopback HTTP) and the built-in
 * Banking77 container: how the run ends, what its stored status says, what its summary line and packet say, and
 * that the workspace stays readable.
 */
class HostileRunEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path dir;

    private record Result(int code, String out, String err) {
    }

    private Path llmConfig(String runId, String baseUrl) throws Exception {
        Path config = dir.resolve(runId + ".toml");
        Files.writeString(config, """
                [run]
                run_id = "%s"
                workspace = "ws"
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 8
                heldout_size = 8
                [proposer]
                kind = "llm"
                model = "test-double"
                base_url = "%s"
                retries = 1
                [gepa]
                max_rollouts = 100
                max_proposals = 3
                merge = false
                heldout_top_k = 1
                """.formatted(runId, baseUrl));
        return config;
    }

    private static Result gepa(String... args) {
        CliRun.Output o = CliRun.run(args);
        return new Result(o.code(), o.out(), o.cliErr());
    }

    private RunStatus storedStatus(String runId) {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            return ws.reader().run(runId).orElseThrow().status();
        }
    }

    @Test
    void aRunWhoseEveryProposalIsRejectedSaysSoInItsSummaryLineAndPacket() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            llm.enqueue(new ScriptedReply.RawBody(200, "text/html", "<html>\u001b[2J\u001b[31mportal</html>"));
            llm.whenScriptEmpty(ScriptedReply.htmlPage());

            Result r = gepa("run", llmConfig("all-rejected", llm.baseUrl()).toString(), "--no-console", "--quiet");

            assertThat(r.code()).as(r.err()).isZero();
            assertThat(r.out()).contains("EVERY PROPOSAL WAS REJECTED (3 of 3 unusable", "the result is the seed");
            JsonNode packet = JSON.readTree(dir.resolve("ws/all-rejected/evidence/packet.json").toFile());
            assertThat(packet.at("/proposer/all_rejected").asBoolean()).isTrue();
            assertThat(packet.at("/proposer/first_rejection").asText()).contains("answered HTTP 200 with text that "
                    + "is not JSON", "text/html");
            assertThat(storedStatus("all-rejected")).isEqualTo(RunStatus.FINISHED);
            // the summary line sends users to `gepa show` for the reasons: it must show them
            Result show = gepa("show", "all-rejected", "--workspace", dir.resolve("ws").toString());
            assertThat(show.code()).as(show.err()).isZero();
            assertThat(show.out()).contains("proposals  3 made, 3 unusable: EVERY PROPOSAL WAS REJECTED")
                    .contains("  #1 ", "  #2 ", "  #3 ")
                    .contains("answered HTTP 200 with text that is not JSON")
                    .as("model text cannot drive the terminal").doesNotContain("\u001b");
        }
    }

    @Test
    void aRunThatFailsIsStoredAsFailedNotFinished() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            llm.whenScriptEmpty(ScriptedReply.status(503));

            Result r = gepa("run", llmConfig("unavailable", llm.baseUrl()).toString(), "--no-console", "--quiet");

            assertThat(r.code()).isEqualTo(1);
            assertThat(r.err()).contains("still failing after 2 attempt(s)", "HTTP 503");
            assertThat(storedStatus("unavailable")).isEqualTo(RunStatus.FAILED);
        }
    }

    @Test
    void aWorkspaceWithAnOversizedRowFromAnOlderVersionStillListsAndShowsItsRuns() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            assertThat(gepa("run", llmConfig("old-run", llm.baseUrl()).toString(), "--no-console", "--quiet").code())
                    .isZero();
            assertThat(gepa("run", llmConfig("other-run", llm.baseUrl()).toString(), "--no-console", "--quiet")
                    .code()).isZero();
        }
        // what an older version could store: a 20 MB drafts column (an agent's huge output file)
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws/workspace.sqlite"));
             var ps = c.prepareStatement("UPDATE proposals SET drafts_json = ? WHERE run_id = 'old-run' AND seq = 1")) {
            ps.setString(1, "[{\"system_prompt\":\"" + "a".repeat(20 * 1024 * 1024) + "\"}]");
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        Result runs = gepa("runs", "--workspace", dir.resolve("ws").toString());
        Result show = gepa("show", "old-run", "--workspace", dir.resolve("ws").toString());

        assertThat(runs.code()).as(runs.err()).isZero();
        assertThat(runs.out()).contains("old-run", "other-run");
        assertThat(show.code()).as(show.err()).isZero();
    }
}
