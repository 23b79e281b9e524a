package dev.gepa4j.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.evidence.RunMetrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real sqlite workspace against values no one should be able to store, or to break it with. */
class HostileValuesTest {
    private static final String CANARY = "sk-canary-7f3a9c2e1b";
    @TempDir
    Path dir;

    @Test
    void aSecretValueNeverReachesTheFileWhateverColumnItTravelsIn() throws Exception {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir, Secrets.of(Map.of("OPENAI_API_KEY", CANARY)))) {
            RunRecorder run = ws.startRun(new RunSpec("r", "task", "key = \"" + CANARY + "\"", 1, "serial", 10));
            run.recordProposal(new ProposalRecord(1, "llm", List.of(), "prompt " + CANARY, "answer echoing " + CANARY,
                    List.of(Map.of("instruction", "use " + CANARY)), Usage.ZERO, "error quoting " + CANARY));
            run.recordEvent(new EventRecord(1, Instant.now(), "proposal.rejected", "msg " + CANARY,
                    Map.of("reason", CANARY)));
            assertThat(ws.reader().proposals("r").getFirst().rawOutput())
                    .isEqualTo("answer echoing [secret OPENAI_API_KEY removed]");
            assertThat(dir.resolve(SqliteWorkspace.FILE_NAME + "-wal")).as("the rows are in the WAL now").exists();
            assertNoCanaryIn(dir); // the WAL holds the rows before the checkpoint at close
        }
        assertNoCanaryIn(dir);
    }

    private static void assertNoCanaryIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                assertThat(bytes).as(f.toString()).doesNotContain(CANARY);
            }
        }
    }

    @Test
    void anOversizedRowFromAnOlderVersionLeavesTheWorkspaceReadableAndItsRunSaysWhatIsWrong() throws Exception {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir, Secrets.none())) {
            RunRecorder bad = ws.startRun(new RunSpec("bad", "task", "", 1, "serial", 10));
            bad.registerCandidate(Candidate.of(0, Map.of("instruction", "seed text"), List.of(), "seed"));
            bad.recordProposal(new ProposalRecord(1, "agent", List.of(), "in", "out", List.of(), Usage.ZERO, null));
            RunRecorder good = ws.startRun(new RunSpec("good", "task", "", 1, "serial", 10));
            good.registerCandidate(Candidate.of(0, Map.of("instruction", "seed text"), List.of(), "seed"));
        }
        // what an older version could write: a 20 MB drafts column, past any JSON reader's string limit
        String huge = "[{\"instruction\":\"" + "a".repeat(20 * 1024 * 1024) + "\"}]";
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve(SqliteWorkspace.FILE_NAME));
             var ps = c.prepareStatement("UPDATE proposals SET drafts_json = ?, raw_output = ? WHERE run_id = 'bad'")) {
            ps.setString(1, huge);
            ps.setString(2, huge);
            ps.executeUpdate();
        }

        try (SqliteWorkspace ws = SqliteWorkspace.open(dir, Secrets.none())) {
            assertThat(ws.reader().runs()).hasSize(2);
            ProposalRecord p = ws.reader().proposals("bad").getFirst();
            assertThat(p.drafts()).isEmpty();
            assertThat(p.error()).startsWith("proposal 1: [not read: the stored raw_output is 20.0 MB, over the 16 MB");
            assertThat(p.rawOutput()).contains("written by an older gepa4j");
            assertThat(RunMetrics.summarize(ws.reader(), "bad").runId()).isEqualTo("bad");
            assertThat(RunMetrics.summarize(ws.reader(), "good").runId()).isEqualTo("good");
        }
    }
}
