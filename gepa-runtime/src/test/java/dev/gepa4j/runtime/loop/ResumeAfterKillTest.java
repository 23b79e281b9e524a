package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.RolloutTally;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * I7: a serial run in a child JVM, killed with SIGKILL after some proposals are in the workspace, then resumed in
 * this JVM over the same workspace and run id, ends like the same run left alone in a fresh workspace. The
 * container runs in this JVM, so its tally sees the calls of both processes.
 */
class ResumeAfterKillTest {
    private static final long SEED = 17;
    private static final long BUDGET = SyntheticLoop.BUDGET;
    private static final String RUN = "killed-run";

    @TempDir
    Path dir;

    @Test
    void a_run_killed_mid_way_and_resumed_ends_like_the_uninterrupted_run() throws Exception {
        LoopResult whole;
        List<String> wholeDecisions;
        Set<String> wholeRolloutIds;
        try (SyntheticContainer alone = SyntheticContainer.start(SyntheticLoop.TASK);
             SqliteWorkspace fresh = SqliteWorkspace.open(dir.resolve("alone"))) {
            whole = SyntheticLoop.serial(alone.url(), RUN, SEED, BUDGET).start(fresh, List.of()).result();
            wholeDecisions = fresh.reader().decisions(RUN).stream().map(SerialRunInvariantsTest::line).toList();
            wholeRolloutIds = alone.tally().byRolloutId().keySet();
        }
        assertThat(whole.counts().proposals()).as("the run is long enough to be killed mid-way").isGreaterThan(8);

        Path folder = dir.resolve("killed");
        try (SyntheticContainer container = SyntheticContainer.startCounted(SyntheticLoop.TASK.withLatencyMs(3))) {
            killAfterProposals(container.url(), folder, 5);
            Map<String, Integer> beforeResume = container.tally().byCandidateAndExample();
            try (SqliteWorkspace workspace = SqliteWorkspace.open(folder)) {
                Set<String> committed = executedKeys(workspace.reader().rollouts(RUN, 0));
                assertThat(workspace.reader().proposals(RUN).size()).isBetween(5, whole.counts().proposals() - 1);
                Set<String> inFlightAtKill = new HashSet<>(beforeResume.keySet());
                inFlightAtKill.removeAll(committed);
                // by rollout id, counted at the container's door: requested before the kill, never committed
                Set<String> requestedNotCommitted = new HashSet<>(container.requestsById().keySet());
                requestedNotCommitted.removeAll(workspace.reader().rollouts(RUN, 0).stream()
                        .map(r -> r.result().rolloutId()).collect(Collectors.toSet()));

                var outcome = SyntheticLoop.serial(container.url(), RUN, SEED, BUDGET).resume(workspace);
                LoopResult resumed = outcome.result();

                assertThat(resumed.bestCandidateId()).isEqualTo(whole.bestCandidateId());
                assertThat(resumed.candidateIds()).isEqualTo(whole.candidateIds());
                assertThat(resumed.bestTrainMean()).isEqualTo(whole.bestTrainMean());
                assertThat(resumed.bestHeldoutMean()).isEqualTo(whole.bestHeldoutMean());
                assertThat(resumed.stopReason()).isEqualTo(whole.stopReason());
                RolloutTally tally = container.tally();
                tally.byCandidateAndExample().forEach((key, n) -> {
                    if (!inFlightAtKill.contains(key)) {
                        assertThat(n).as("container executions of " + key).isEqualTo(1);
                    }
                });
                assertThat(tally.byRolloutId().keySet()).as("the same rollouts as the run left alone")
                        .isEqualTo(wholeRolloutIds);
                Invariants.budgetEqualsContainerCalls(workspace.reader(), RUN, outcome.budgetCommitted(), tally,
                        container.requestsById(), requestedNotCommitted);
                Invariants.workspaceRoundTrips(workspace.reader(), resumed, SyntheticLoop.TASK.trainSize());
                assertThat(workspace.reader().decisions(RUN).stream().map(SerialRunInvariantsTest::line).toList())
                        .as("decisions, each recorded once").isEqualTo(wholeDecisions);
                Invariants.oneOutcomePerProposal(workspace.reader(), resumed);
            }
        }
    }

    /** Starts the child, waits until the workspace holds {@code proposals} proposals, and kills it with SIGKILL. */
    private void killAfterProposals(String url, Path folder, int proposals) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), LoopChild.class.getName(), url, folder.toString(), RUN,
                String.valueOf(SEED), String.valueOf(BUDGET), "40").redirectErrorStream(true).start();
        CountDownLatch started = new CountDownLatch(1);
        StringBuilder output = new StringBuilder();
        Thread.ofVirtual().start(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.equals("started")) {
                        started.countDown();
                    }
                }
            } catch (java.io.IOException ignored) {
                // the stream closes when the child is killed
            }
        });
        try {
            assertThat(started.await(60, TimeUnit.SECONDS)).as("child output: %s", output).isTrue();
            try (SqliteWorkspace watch = SqliteWorkspace.open(folder)) {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (watch.reader().proposals(RUN).size() < proposals && child.isAlive()
                        && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
            }
            assertThat(child.isAlive()).as("the child must still be running when killed; output: %s", output).isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** (candidate, example) keys of the rollouts that called the container, as the tally writes them. */
    private static Set<String> executedKeys(List<RolloutRecord> rollouts) {
        return rollouts.stream().filter(r -> !r.result().cached())
                .map(r -> RolloutTally.key(r.result().candidateId(), r.result().example().exampleId()))
                .collect(Collectors.toSet());
    }
}
