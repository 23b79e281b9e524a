package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.RolloutBudgetStop;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A serial GEPA run on the synthetic task over real HTTP, with a real sqlite workspace and the real rollout queue,
 * checked against invariants I1-I5; and I6, the same seed giving the same run in two fresh workspaces.
 */
class SerialRunInvariantsTest {
    private static final long BUDGET = SyntheticLoop.BUDGET;

    @TempDir
    Path dir;

    @Test
    void a_serial_run_keeps_invariants_one_to_five() {
        try (SyntheticContainer container = SyntheticContainer.startCounted(SyntheticLoop.TASK);
             SqliteWorkspace workspace = SqliteWorkspace.open(dir.resolve("ws"))) {
            var outcome = SyntheticLoop.serial(container.url(), "serial-1", 5, BUDGET).start(workspace, List.of());
            var result = outcome.result();
            WorkspaceReader reader = workspace.reader();

            assertThat(result.bestTrainMean()).as("the run improves on the seed").isGreaterThan(result.seedTrainMean());
            assertThat(result.counts().rejected()).as("the gate had work to do").isPositive();
            Invariants.budgetEqualsContainerCalls(reader, "serial-1", outcome.budgetCommitted(), container.tally(),
                    container.requestsById());
            assertThat(outcome.queueExecuted()).isEqualTo(outcome.budgetCommitted());
            assertThat(outcome.budgetCommitted()).isLessThanOrEqualTo(BUDGET);
            Invariants.candidatesAreOneMoreThanAccepted(reader, result);
            assertThat(Invariants.everyGateDecisionIsTrue(reader, "serial-1")).isPositive();
            Invariants.oneOutcomePerProposal(reader, result);
            Invariants.workspaceRoundTrips(reader, result, SyntheticLoop.TASK.trainSize());
        }
    }

    /**
     * The same run as above with a budget it cannot solve train on: it must stop for the budget, having called the
     * container no more than the budget allows and left the heldout reserve for the heldout pick.
     */
    @Test
    void a_serial_run_that_reaches_its_budget_stops_there_and_keeps_the_invariants() {
        long budget = 100;
        try (SyntheticContainer container = SyntheticContainer.startCounted(SyntheticLoop.TASK);
             SqliteWorkspace workspace = SqliteWorkspace.open(dir.resolve("ws"))) {
            var outcome = SyntheticLoop.serial(container.url(), "serial-short", 5, budget).start(workspace, List.of());
            var result = outcome.result();
            WorkspaceReader reader = workspace.reader();

            assertThat(result.stopReason()).as("why the run stopped").isEqualTo(RolloutBudgetStop.REASON);
            assertThat(result.bestTrainMean()).as("train is not solved yet").isLessThan(1.0);
            Invariants.budgetEqualsContainerCalls(reader, "serial-short", outcome.budgetCommitted(), container.tally(),
                    container.requestsById());
            assertThat(container.requestsById().values().stream().mapToInt(Integer::intValue).sum())
                    .as("rollout requests the container saw").isLessThanOrEqualTo((int) budget);
            long heldoutReserve = LoopConfig.defaults().heldoutReserve(SyntheticLoop.TASK.testSize());
            long beforeHeldout = reader.rollouts("serial-short", 0).stream()
                    .filter(r -> !r.result().cached() && r.stage() != Stage.HELDOUT).count();
            // the budget stop fires when one more iteration (parent and child minibatches, then full train) might
            // not fit beside the reserve, so the run spent all but less than one iteration of its train budget
            int train = SyntheticLoop.TASK.trainSize();
            long iterationWorstCase = 2L * Math.min(SyntheticLoop.MINIBATCH, train) + train;
            assertThat(beforeHeldout).as("rollouts before the heldout pick")
                    .isLessThanOrEqualTo(budget - heldoutReserve)
                    .isGreaterThan(budget - heldoutReserve - iterationWorstCase);
            assertThat(result.bestHeldoutMean()).as("the heldout pick had its reserve").isNotNull();
            Invariants.candidatesAreOneMoreThanAccepted(reader, result);
            assertThat(Invariants.everyGateDecisionIsTrue(reader, "serial-short")).isPositive();
            Invariants.oneOutcomePerProposal(reader, result);
            Invariants.workspaceRoundTrips(reader, result, SyntheticLoop.TASK.trainSize());
        }
    }

    @Test
    void the_same_seed_gives_the_same_serial_run_in_two_fresh_workspaces() {
        Snapshot a = runOnce(dir.resolve("a"), 11);
        Snapshot b = runOnce(dir.resolve("b"), 11);
        assertThat(b.candidateIds()).isEqualTo(a.candidateIds());
        assertThat(b.bestId()).isEqualTo(a.bestId());
        assertThat(b.scores()).isEqualTo(a.scores());
        assertThat(b.decisions()).isEqualTo(a.decisions());
        assertThat(b.rollouts()).isEqualTo(a.rollouts());
        assertThat(a.decisions()).as("the runs made decisions to compare").hasSizeGreaterThan(5);
    }

    record Snapshot(List<String> candidateIds, String bestId, List<Double> scores, List<String> decisions,
                    List<String> rollouts) {
    }

    private static Snapshot runOnce(Path folder, long seed) {
        try (SyntheticContainer container = SyntheticContainer.start(SyntheticLoop.TASK);
             SqliteWorkspace workspace = SqliteWorkspace.open(folder)) {
            var r = SyntheticLoop.serial(container.url(), "same-seed", seed, BUDGET).start(workspace, List.of()).result();
            return snapshot(workspace.reader(), r.runId(), r.candidateIds(), r.bestCandidateId(),
                    List.of(r.seedTrainMean(), r.bestTrainMean(), r.bestHeldoutMean()));
        }
    }

    static Snapshot snapshot(WorkspaceReader reader, String runId, List<String> ids, String best, List<Double> scores) {
        List<String> decisions = reader.decisions(runId).stream().map(SerialRunInvariantsTest::line).toList();
        List<String> rollouts = reader.rollouts(runId, 0).stream().map(SerialRunInvariantsTest::line).toList();
        return new Snapshot(ids, best, scores, decisions, rollouts);
    }

    static String line(DecisionRecord d) {
        return d.proposalSeq() + " " + d.candidateId() + " " + d.parentId() + " " + d.stage() + " " + d.accepted() + " "
                + d.reason() + " " + d.parentScore() + " " + d.childScore();
    }

    static String line(RolloutRecord r) {
        return r.seq() + " " + r.stage() + " " + r.cacheKey() + " " + r.result().rolloutId() + " " + r.result().reward()
                + " " + r.result().cached();
    }
}
