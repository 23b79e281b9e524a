package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.Staleness;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An overlapped run (four lanes, concurrent batches) on the synthetic task keeps invariants I1-I5, with stale
 * children registered as they are and with stale children moved onto the best (the rebase policy).
 */
class OverlappedRunInvariantsTest {
    private static final long BUDGET = SyntheticLoop.BUDGET;

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(value = Staleness.Policy.class, names = {"ACCEPT_AS_IS", "REBASE"})
    void an_overlapped_run_keeps_invariants_one_to_five(Staleness.Policy policy) {
        String runId = "overlapped-" + policy.name().toLowerCase(java.util.Locale.ROOT);
        try (SyntheticContainer container = SyntheticContainer.startCounted(SyntheticLoop.TASK.withLatencyMs(2));
             SqliteWorkspace workspace = SqliteWorkspace.open(dir)) {
            var loop = new SyntheticLoop(container.url(), runId, 9, BUDGET, Mode.OVERLAPPED, 4, 8, 5,
                    new Staleness(policy, 0));
            var outcome = loop.start(workspace, List.of());
            var result = outcome.result();
            var reader = workspace.reader();

            assertThat(result.bestTrainMean()).isGreaterThan(result.seedTrainMean());
            Invariants.budgetEqualsContainerCalls(reader, runId, outcome.budgetCommitted(), container.tally(),
                    container.requestsById());
            assertThat(outcome.budgetCommitted()).isLessThanOrEqualTo(BUDGET);
            Invariants.candidatesAreOneMoreThanAccepted(reader, result);
            Invariants.everyGateDecisionIsTrue(reader, runId);
            Invariants.oneOutcomePerProposal(reader, result);
            Invariants.workspaceRoundTrips(reader, result, SyntheticLoop.TASK.trainSize());
            long moved = reader.candidates(runId).stream().map(CandidateRecord::candidate)
                    .filter(c -> c.parentIds().size() == 2 && !c.origin().equals("merge")).count();
            if (policy == Staleness.Policy.REBASE) {
                assertThat(moved).as("children moved onto the best (so the invariants saw some)").isPositive();
            } else {
                assertThat(moved).isZero();
            }
        }
    }
}
