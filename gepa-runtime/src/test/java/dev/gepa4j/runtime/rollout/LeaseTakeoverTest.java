package dev.gepa4j.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.workspace.PostgresWorkspace;
import dev.gepa4j.runtime.workspace.PostgresUrl;
import dev.gepa4j.testkit.faults.FaultSchedule;
import dev.gepa4j.testkit.faults.FaultyContainer;
import dev.gepa4j.testkit.faults.LatencyModel;
import dev.gepa4j.testkit.postgres.PostgresExtension;
import dev.gepa4j.testkit.postgres.TestDatabase;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A process holding leases on rollouts is killed with SIGKILL (a real child JVM, a real PostgreSQL server, a real
 * container over HTTP); another process that needs the same rollouts waits for the leases to expire, takes them over,
 * executes each rollout once and counts it once. Nothing of the killed run's in-flight rollouts is stored.
 */
@ExtendWith(PostgresExtension.class)
class LeaseTakeoverTest {
    private static final int JOBS = 6;

    @Test
    void leasesOfAKilledOwnerAreTakenOverAfterExpiryAndEachRolloutCountsOnce(TestDatabase db) throws Exception {
        String url = db.workspaceUrl() + "?lease_seconds=2";
        StringBuilder childOutput = new StringBuilder();
        try (FaultyContainer hanging = FaultyContainer.start(FaultSchedule.NONE, new LatencyModel(600_000, 1), 0, 0);
             FaultyContainer fast = FaultyContainer.start(LatencyModel.ZERO)) {
            Process child = startChild(db, url, hanging.url());
            CompletableFuture<Void> drained = CompletableFuture.runAsync(() -> drain(child, childOutput));
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
                while ((leases(db, "killed") < JOBS || hanging.requests() < JOBS) && System.nanoTime() < deadline
                        && child.isAlive()) {
                    Thread.sleep(20);
                }
                assertThat(leases(db, "killed")).as("the child holds a lease on every rollout in flight; its output:\n"
                        + childOutput).isEqualTo(JOBS);
                assertThat(hanging.requests()).isEqualTo(JOBS);
            } finally {
                child.destroyForcibly(); // SIGKILL: no shutdown hook, no lease given back
                assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
            assertThat(child.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            drained.get(30, TimeUnit.SECONDS);

            try (PostgresWorkspace survivor = PostgresWorkspace.open(PostgresUrl.parse(url, Map.of()),
                    Map.of("PGPASSWORD", db.password()), Secrets.none())) {
                RunRecorder run = survivor.startRun(new RunSpec("survivor", fast.url(), "", 1, "serial", 100_000));
                RolloutQueue queue = QueueFixture.queue(QueueFixture.http(fast.url()), run,
                        new RolloutBudget(100_000, 0), "survivor", Duration.ofSeconds(30), ConcurrencyLimits.fixed(4));
                BatchResult batch = queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", JOBS));

                assertThat(batch.complete()).isTrue();
                assertThat(batch.executed()).isEqualTo(JOBS);
                assertThat(survivor.leaseTakeovers()).isEqualTo(JOBS);
                assertThat(run.usedInRun()).isEqualTo(JOBS);
                assertThat(run.executedInRun()).isEqualTo(JOBS);
                assertThat(fast.requests()).isEqualTo(JOBS);
                assertThat(survivor.reader().rollouts("killed", 0)).as("nothing in flight counts").isEmpty();
            }
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT cache_key) FROM rollouts "
                        + "WHERE status <> 'error'")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("one row per rollout").isEqualTo(JOBS);
                    assertThat(rs.getInt(2)).isEqualTo(JOBS);
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollout_leases")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("every lease released").isZero();
                }
            }
            assertThat(childOutput.toString()).contains("started").doesNotContain(db.password());
        }
    }

    private static Process startChild(TestDatabase db, String url, String containerUrl) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        ProcessBuilder pb = new ProcessBuilder(java.toString(), "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LeaseChild.class.getName(), url, containerUrl, "killed",
                String.valueOf(JOBS)).redirectErrorStream(true);
        pb.environment().put("PGPASSWORD", db.password());
        return pb.start();
    }

    private static void drain(Process child, StringBuilder out) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                synchronized (out) {
                    out.append(line).append('\n');
                }
            }
        } catch (java.io.IOException ignored) {
            // the child is gone
        }
    }

    private static int leases(TestDatabase db, String runId) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM rollout_leases WHERE run_id = '" + runId + "'")) {
            rs.next();
            return rs.getInt(1);
        } catch (java.sql.SQLException e) {
            return 0; // the child has not created the tables yet
        }
    }
}
