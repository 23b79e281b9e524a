package dev.gepa4j.runtime.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.UsageEntry;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqliteWorkspaceTest {
    @TempDir
    Path dir;

    static RolloutResult result(String id, long seed, RolloutStatus status, boolean cached) {
        return new RolloutResult(id, "gepa_aaaaaaaaaaaa", new ExampleRef(Split.TRAIN, seed, "train:" + seed), status,
                status == RolloutStatus.OK ? 0.5 : 0, "out " + seed, new VerifierResult(true, 0.5, "close"),
                "{\"event_history\":[1,2]}", Usage.of(10, 3, 0.01), 42, 2, "http://127.0.0.1:1", cached,
                status == RolloutStatus.OK ? null : "boom");
    }

    @Test
    void createsTheFolderAndAVersionedWalDatabase() throws Exception {
        Path folder = dir.resolve("nested/ws");
        try (SqliteWorkspace ws = SqliteWorkspace.open(folder)) {
            assertThat(ws.file()).exists().hasFileName("workspace.sqlite");
        }
        try (var c = DriverManager.getConnection("jdbc:sqlite:" + folder.resolve("workspace.sqlite"));
             ResultSet version = c.createStatement().executeQuery("SELECT MAX(version) FROM schema_version");
             ResultSet mode = c.createStatement().executeQuery("PRAGMA journal_mode")) {
            assertThat(version.getInt(1)).isEqualTo(SchemaMigrations.latest());
            assertThat(mode.getString(1)).isEqualTo("wal");
        }
        // reopening applies nothing twice
        try (SqliteWorkspace ws = SqliteWorkspace.open(folder)) {
            assertThat(ws.reader().runs()).isEmpty();
        }
    }

    @Test
    void rolloutsRoundTripWithEveryColumnAndCountOnlyExecutedRows() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r1", "task", "cfg", 7, "serial", 100));
            run.append(Stage.SEED_TRAIN, "k1", result("ro_1", 1, RolloutStatus.OK, false));
            run.append(Stage.SEED_TRAIN, "k2", result("ro_2", 2, RolloutStatus.ERROR, false));
            run.append(Stage.FULL_TRAIN, "k3", result("ro_3", 3, RolloutStatus.FAILED, true));

            List<RolloutRecord> rows = ws.reader().rollouts("r1", 0);
            assertThat(rows).extracting(RolloutRecord::seq).containsExactly(1L, 2L, 3L);
            assertThat(rows.getFirst().result()).isEqualTo(result("ro_1", 1, RolloutStatus.OK, false));
            assertThat(rows.getFirst().stage()).isEqualTo(Stage.SEED_TRAIN);
            assertThat(ws.reader().rollouts("r1", 2)).hasSize(1);
            assertThat(run.executedInRun()).isEqualTo(1);
            assertThat(run.findInRun("k1")).contains(result("ro_1", 1, RolloutStatus.OK, false));
            assertThat(run.findInRun("k2")).as("ERROR results are never reused").isEmpty();
            assertThat(run.findAnyRun("k2")).isEmpty();
        }
    }

    @Test
    void theSharedCacheSeesOtherRunsButFindInRunDoesNot() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder first = ws.startRun(new RunSpec("a", "t", "", 1, "serial", 10));
            first.append(Stage.ADHOC, "key", result("ro_a", 1, RolloutStatus.OK, false));
            RunRecorder second = ws.startRun(new RunSpec("b", "t", "", 1, "serial", 10));
            assertThat(second.findInRun("key")).isEmpty();
            assertThat(second.findAnyRun("key")).map(RolloutResult::rolloutId).contains("ro_a");
        }
    }

    @Test
    void aRowOfTheRunThatAppearsAfterReopeningIsAdoptedNotStoredTwice() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10)).append(Stage.ADHOC, "early",
                    result("ro_early", 1, RolloutStatus.OK, false));
            RunRecorder resumed = ws.resumeRun("r");
            // another handle on the same run commits a row this recorder has not seen (as sqlite's WAL recovery can
            // show a killed process's last transaction only after the run was reopened)
            try (SqliteWorkspace other = SqliteWorkspace.open(dir)) {
                other.resumeRun("r").append(Stage.ADHOC, "late", result("ro_late", 2, RolloutStatus.OK, false));
            }
            assertThat(resumed.executedInRun()).isEqualTo(1);
            assertThat(resumed.findInRun("late")).isEmpty();

            RolloutResult hit = resumed.findAnyRun("late").orElseThrow();
            resumed.append(Stage.ADHOC, "late", hit.asCacheHit("ro_late", hit.candidateId()));

            assertThat(ws.reader().rollouts("r", 0)).extracting(r -> r.result().rolloutId())
                    .containsExactly("ro_early", "ro_late");
            assertThat(resumed.findInRun("late")).map(RolloutResult::rolloutId).contains("ro_late");
            assertThat(resumed.executedInRun()).as("the late row was a container call of this run").isEqualTo(2);
        }
    }

    @Test
    void candidatesStoreAUnifiedDiffAgainstTheFirstParent() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
            Candidate seed = Candidate.of(0, Map.of("instructions", "Answer.\nBe brief.", "format", "json"), List.of(),
                    "seed");
            Candidate child = Candidate.of(1, Map.of("instructions", "Answer carefully.\nBe brief.", "format", "json"),
                    List.of(seed.id()), "mutation:offline");
            run.registerCandidate(seed);
            run.registerCandidate(child);
            run.registerCandidate(child);

            assertThat(run.diffOf(seed.id())).isEmpty();
            String diff = run.diffOf(child.id()).get("instructions");
            assertThat(diff).contains("--- a/instructions", "+++ b/instructions", "-Answer.", "+Answer carefully.");
            assertThat(run.diffOf(child.id())).doesNotContainKey("format");
            assertThat(ws.reader().candidates("r")).extracting(c -> c.candidate()).containsExactly(seed, child);
            Candidate orphan = Candidate.of(2, Map.of("instructions", "x"), List.of("gepa_000000000000"), "merge");
            assertThatThrownBy(() -> run.registerCandidate(orphan)).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("register parents before their children");
        }
    }

    @Test
    void proposalsDecisionsEventsAndUsageRoundTripAndReplaysAreIdempotent() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
            ProposalRecord p = new ProposalRecord(1, "llm", List.of("gepa_1"), "packet", "raw",
                    List.of(Map.of("instructions", "new")), Usage.of(100, 20, 0.5), null);
            run.recordProposal(p);
            run.recordProposal(new ProposalRecord(1, "llm", List.of(), "other", "", List.of(), Usage.ZERO, "late"));
            assertThat(run.proposal(1)).contains(p);
            assertThat(run.proposal(2)).isEmpty();

            Instant at = Instant.parse("2026-01-02T03:04:05Z");
            DecisionRecord d = new DecisionRecord(1, "gepa_2", "gepa_1", "minibatch", true, "3/4 > 2/4", 0.5, 0.75, at);
            run.recordDecision(d);
            assertThat(ws.reader().decisions("r")).containsExactly(d);

            EventRecord e = new EventRecord(1, at, "candidate.accepted", "accepted", Map.of("id", "gepa_2"));
            run.recordEvent(e);
            run.recordEvent(e);
            assertThat(ws.reader().events("r", 0)).containsExactly(e);

            run.recordUsage(new UsageEntry("proposer", "gpt", "1", Usage.of(100, 20, 0.5)));
            run.recordUsage(new UsageEntry("proposer", "gpt", "2", Usage.of(1, 2, 0.25)));
            assertThat(ws.reader().usage("r", "proposer")).isEqualTo(new Usage(101, 22, 123, 0.75));
            assertThat(ws.reader().usage("r", "policy")).isEqualTo(Usage.ZERO);

            run.finish(RunStatus.FINISHED, "budget spent");
            assertThat(run.info().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.info().stopReason()).isEqualTo("budget spent");
            assertThat(run.info().finishedAt()).isNotNull();
        }
    }

    @Test
    void runIdsAreUniqueAndResumingAnUnknownRunNamesTheKnownOnes() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            ws.startRun(new RunSpec("alpha", "t", "", 1, "serial", 10));
            assertThatThrownBy(() -> ws.startRun(new RunSpec("alpha", "t", "", 1, "serial", 10)))
                    .isInstanceOf(WorkspaceException.class).hasMessageContaining("already taken")
                    .hasMessageContaining("gepa resume alpha");
            assertThatThrownBy(() -> ws.resumeRun("beta")).isInstanceOf(WorkspaceException.class)
                    .hasMessageContaining("known runs: alpha");
        }
    }

    @Test
    void aResumedRunSeesItsJournalAndIsRunningAgain() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
            run.append(Stage.ADHOC, "k", result("ro_1", 1, RolloutStatus.OK, false));
            run.finish(RunStatus.STOPPED, "interrupted");
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder again = ws.resumeRun("r");
            assertThat(again.info().status()).isEqualTo(RunStatus.RUNNING);
            assertThat(again.findInRun("k")).isPresent();
            assertThat(again.executedInRun()).isEqualTo(1);
        }
    }

    @Test
    void manyConcurrentAppendsAreAllCommittedWithDenseSequenceNumbers() throws Exception {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10_000));
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 2000; i++) {
                    int n = i;
                    pool.execute(() -> run.append(Stage.ADHOC, "k" + n, result("ro_" + n, n, RolloutStatus.OK, false)));
                }
            }
            List<RolloutRecord> rows = ws.reader().rollouts("r", 0);
            assertThat(rows).hasSize(2000);
            List<Long> seqs = new ArrayList<>();
            rows.forEach(r -> seqs.add(r.seq()));
            assertThat(seqs).isEqualTo(java.util.stream.LongStream.rangeClosed(1, 2000).boxed().toList());
            assertThat(run.executedInRun()).isEqualTo(2000);
        }
    }

    @Test
    void closeIsSafeTwiceAndFromAnotherThreadAndLaterWritesFailClearly() throws Exception {
        SqliteWorkspace ws = SqliteWorkspace.open(dir);
        RunRecorder run = ws.startRun(new RunSpec("r", "t", "", 1, "serial", 10));
        Thread closer = Thread.ofPlatform().start(ws::close);
        closer.join();
        ws.close();
        assertThatThrownBy(() -> run.append(Stage.ADHOC, "k", result("ro", 1, RolloutStatus.OK, false)))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("closed");
        assertThat(Files.size(dir.resolve("workspace.sqlite"))).isPositive();
        assertThat(dir.resolve("workspace.sqlite-wal")).satisfiesAnyOf(
                p -> assertThat(p).doesNotExist(), p -> assertThat(Files.size(p)).isZero());
    }

    @Test
    void aFileThatIsNotADatabaseIsRefusedWithThePath() throws Exception {
        Files.writeString(dir.resolve("workspace.sqlite"), "this is not sqlite, just text that is long enough "
                + "to fill a header page of a database file".repeat(4));
        assertThatThrownBy(() -> SqliteWorkspace.open(dir)).isInstanceOf(WorkspaceException.class)
                .hasMessageContaining("workspace.sqlite");
    }
}
