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
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.WorkspaceException;
import dev.gepa4j.runtime.evidence.EvidencePacketWriter;
import dev.gepa4j.testkit.postgres.PostgresExtension;
import dev.gepa4j.testkit.postgres.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL workspace against a real server (started by {@link PostgresExtension}): the same behaviour as the
 * sqlite workspace, shared by two workspaces opened at once (as two processes would), leases, migrations, and the
 * password kept out of everything.
 */
@ExtendWith(PostgresExtension.class)
class PostgresWorkspaceTest {
    @TempDir
    Path dir;

    static RolloutResult result(String id, long seed, String output) {
        return new RolloutResult(id, "gepa_aaaaaaaaaaaa", new ExampleRef(Split.TRAIN, seed, "train:" + seed),
                RolloutStatus.OK, 0.5, output, new VerifierResult(true, 0.5, "close"), "{\"event_history\":[]}",
                Usage.of(10, 3, 0.01), 42, 1, "http://127.0.0.1:1", false, null);
    }

    private static PostgresWorkspace open(TestDatabase db, String suffix) {
        return PostgresWorkspace.open(PostgresUrl.parse(db.workspaceUrl() + suffix, Map.of()),
                Map.of("PGPASSWORD", db.password()), Secrets.none());
    }


    @Test
    void storesAndReadsARunLikeTheSqliteWorkspace(TestDatabase db) {
        try (PostgresWorkspace ws = open(db, "?synchronous_commit=on")) {
            assertThat(ws.schemaVersion()).isEqualTo(SchemaMigrations.latest());
            RunRecorder run = ws.startRun(new RunSpec("pg-basic", "task", "{}", 7, "serial", 100));
            run.registerCandidate(Candidate.of(0, Map.of("p", "seed prompt"), List.of(), "seed"));
            run.append(Stage.SEED_TRAIN, "k1", result("ro_1", 1, "first"));
            run.append(Stage.SEED_TRAIN, "k2", result("ro_2", 2, "second"));
            run.recordEvent(new EventRecord(1, Instant.now(), "note", "hello", Map.of("a", "b")));
            run.recordEvent(new EventRecord(1, Instant.now(), "note", "replayed: ignored", Map.of()));
            run.finish(RunStatus.FINISHED, "budget");

            assertThat(ws.reader().runs()).extracting(r -> r.runId()).contains("pg-basic");
            assertThat(ws.reader().rollouts("pg-basic", 0)).extracting(r -> r.seq()).containsExactly(1L, 2L);
            assertThat(ws.reader().rollouts("pg-basic", 1)).extracting(r -> r.result().output())
                    .containsExactly("second");
            assertThat(ws.reader().events("pg-basic", 0)).extracting(EventRecord::message).containsExactly("hello");
            assertThat(ws.reader().run("pg-basic").orElseThrow().status()).isEqualTo(RunStatus.FINISHED);
            assertThat(run.usedInRun()).isEqualTo(2);
            assertThat(run.findInRun("k2")).map(RolloutResult::output).contains("second");
            assertThatThrownBy(() -> ws.startRun(new RunSpec("pg-basic", "task", "{}", 7, "serial", 100)))
                    .isInstanceOf(WorkspaceException.class).hasMessageContaining("already taken");
        }
    }

    @Test
    void aProcessNeedingAKeyAnotherHoldsWaitsForItsResultInsteadOfExecutingIt(TestDatabase db) throws Exception {
        try (PostgresWorkspace first = open(db, "?lease_seconds=20"); PostgresWorkspace second = open(db, "")) {
            RunRecorder a = first.startRun(new RunSpec("lease-a", "t", "", 1, "serial", 10));
            RunRecorder b = second.startRun(new RunSpec("lease-b", "t", "", 1, "serial", 10));
            assertThat(a.findAnyRun("shared")).isEmpty(); // a now holds the lease and "executes"
            CompletableFuture<Optional<RolloutResult>> waiting = CompletableFuture.supplyAsync(
                    () -> b.findAnyRun("shared"));
            Thread.sleep(400);
            assertThat(waiting).as("b must wait while a's lease is live").isNotDone();
            a.append(Stage.SEED_TRAIN, "shared", result("ro_a", 1, "a's answer"));
            RolloutResult got = waiting.get(30, TimeUnit.SECONDS).orElseThrow();
            assertThat(got.output()).isEqualTo("a's answer");
            b.append(Stage.SEED_TRAIN, "shared", got.asCacheHit("ro_b", got.candidateId()));

            assertThat(second.leaseWaits()).isEqualTo(1);
            assertThat(second.leaseTakeovers()).isZero();
            assertThat(second.reader().cachedFrom("lease-b")).isEqualTo(Map.of("lease-a", 1L));
            assertThat(first.reader().cachedFrom("lease-a")).isEmpty();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollout_leases")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the append released the lease").isZero();
            }
        }
    }

    @Test
    void aLeaseGivenBackUnusedLetsTheNextProcessExecute(TestDatabase db) {
        try (PostgresWorkspace first = open(db, "?lease_seconds=60"); PostgresWorkspace second = open(db, "")) {
            RunRecorder a = first.startRun(new RunSpec("giveback-a", "t", "", 1, "serial", 10));
            RunRecorder b = second.startRun(new RunSpec("giveback-b", "t", "", 1, "serial", 10));
            assertThat(a.findAnyRun("unused")).isEmpty();
            a.settled("unused"); // the batch stopped before sending it
            assertThat(b.findAnyRun("unused")).isEmpty(); // b holds it now, without waiting 60 s
            assertThat(second.leaseWaits()).isZero();
        }
    }

    @Test
    void migratesAWorkspaceOfAnOlderSchemaVersionKeepingItsRows(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA older");
        }
        String url = db.workspaceUrl() + "?currentSchema=older";
        try (PostgresWorkspace v1 = PostgresWorkspace.open(PostgresUrl.parse(url, Map.of()),
                Map.of("PGPASSWORD", db.password()), Secrets.none(), 1)) {
            assertThat(v1.schemaVersion()).isEqualTo(1);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO older");
            s.execute("INSERT INTO runs VALUES ('old-run', 't', '{}', 1, 'serial', 10, 'finished', NULL, "
                    + "'2026-01-01T00:00:00Z', NULL)");
            // version 1 stored an error's unknown reward as 0
            s.execute("INSERT INTO rollouts VALUES ('old-run', 1, 'seed_train', 'old-key', 'ro_old', 'gepa_x', "
                    + "'train:1', 'train', 1, 0, 'error', '', '{}', '{}', 0, 0, 0, 0, 5, 1, 'http://x', 0, 'boom', "
                    + "'2026-01-01T00:00:01Z')");
            s.execute("INSERT INTO rollouts VALUES ('old-run', 2, 'seed_train', 'ok-key', 'ro_ok', 'gepa_x', "
                    + "'train:2', 'train', 2, 0.75, 'ok', 'fine', '{}', '{}', 0, 0, 0, 0, 5, 1, 'http://x', 0, NULL, "
                    + "'2026-01-01T00:00:02Z')");
        }
        try (PostgresWorkspace migrated = PostgresWorkspace.open(PostgresUrl.parse(url, Map.of()),
                Map.of("PGPASSWORD", db.password()), Secrets.none())) {
            assertThat(migrated.schemaVersion()).isEqualTo(SchemaMigrations.latest());
            assertThat(migrated.reader().rollouts("old-run", 0)).hasSize(2);
            RunRecorder later = migrated.startRun(new RunSpec("new-run", "t", "", 1, "serial", 10));
            assertThat(later.findAnyRun("ok-key")).map(RolloutResult::reward).contains(0.75);
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("SET search_path TO older");
            try (ResultSet rs = s.executeQuery("SELECT reward FROM rollouts WHERE rollout_id = 'ro_old'")) {
                rs.next();
                rs.getDouble(1);
                assertThat(rs.wasNull()).as("V2 turns an error's stored 0 into NULL").isTrue();
            }
            s.execute("INSERT INTO schema_version VALUES (99, 'V99__future.sql', 'later')");
        }
        assertThatThrownBy(() -> PostgresWorkspace.open(PostgresUrl.parse(url, Map.of()),
                Map.of("PGPASSWORD", db.password()), Secrets.none()))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("schema version 99")
                .hasMessageContaining("newer gepa4j");
    }

    @Test
    void thePasswordNeverReachesTheWorkspaceThePacketOrAMessage(TestDatabase db) throws Exception {
        String password = db.password();
        String url = db.workspaceUrl() + "?password_env=GEPA_TEST_PG";
        List<String> messages = new ArrayList<>();
        try (PostgresWorkspace ws = PostgresWorkspace.open(PostgresUrl.parse(url, Map.of()),
                Map.of("GEPA_TEST_PG", password), Secrets.none())) {
            RunRecorder run = ws.startRun(new RunSpec("secretive", "t", "{\"workspace\":\"" + ws.url() + "\"}", 1,
                    "serial", 10));
            run.registerCandidate(Candidate.of(0, Map.of("p", "prompt"), List.of(), "seed"));
            // a container that echoes its environment: the value must be scrubbed on the way in
            run.append(Stage.SEED_TRAIN, "k", result("ro_s", 1, "env says " + password));
            run.recordEvent(new EventRecord(1, Instant.now(), "note", "connected with " + password, Map.of()));
            run.finish(RunStatus.FINISHED, "done");
            messages.add(ws.url().toString());
            Path packet = EvidencePacketWriter.write(ws.reader(), "secretive", dir);
            try (Stream<Path> files = Files.walk(packet)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    assertThat(Files.readString(f, StandardCharsets.UTF_8)).as(f.toString()).doesNotContain(password);
                }
            }
        }
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String table : List.of("runs", "candidates", "rollouts", "events", "proposals", "decisions",
                    "usage_ledger", "rollout_leases", "schema_version")) {
                try (ResultSet rs = s.executeQuery("SELECT t::text FROM " + table + " t")) {
                    while (rs.next()) {
                        assertThat(rs.getString(1)).as(table).doesNotContain(password);
                    }
                }
            }
        }
        // a refused password is not repeated; a URL carrying one is refused, saying how to pass it
        assertThatThrownBy(() -> PostgresWorkspace.open(PostgresUrl.parse(db.workspaceUrl(), Map.of()),
                Map.of("PGPASSWORD", "wrong-" + password), Secrets.none()))
                .isInstanceOf(WorkspaceException.class)
                .satisfies(e -> messages.add(e.getMessage()))
                .hasMessageContaining("PGPASSWORD");
        String withPassword = "postgresql://" + db.user() + ":" + password + "@127.0.0.1:" + db.port() + "/"
                + db.name();
        assertThatThrownBy(() -> Workspaces.open(withPassword, Secrets.none()))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("PGPASSWORD")
                .satisfies(e -> messages.add(e.getMessage()));
        assertThatThrownBy(() -> Workspaces.display(db.workspaceUrl() + "?password=" + password))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("password_env")
                .satisfies(e -> messages.add(e.getMessage()));
        assertThat(messages).hasSize(4).allSatisfy(m -> assertThat(m).doesNotContain(password));
    }

    @Test
    void refusesAnUnreachableServerSayingWhatToCheck() {
        assertThatThrownBy(() -> PostgresWorkspace.open(PostgresUrl.parse("postgresql://nobody@127.0.0.1:1/none"
                + "?connectTimeout=2", Map.of()), Map.of(), Secrets.none()))
                .isInstanceOf(WorkspaceException.class).hasMessageContaining("127.0.0.1:1");
    }
}
