package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An overlapped run (four lanes, concurrent batches) on the synthetic task keeps invariants I1-I5. */
class OverlappedRunInvariantsTest {
    private static final long BUDGET = SyntheticLoop.BUDGET;

    @TempDir
    Path dir;

    @Test
    void an_overlapped_run_keeps_invariants_one_to_five() {
        try (SyntheticContainer container = SyntheticContainer.start(SyntheticLoop.TASK.withLatencyMs(2));
             SqliteWorkspace workspace = SqliteWorkspace.open(dir)) {
            var loop = new SyntheticLoop(container.url(), "overlapped-1", 9, BUDGET, Mode.OVERLAPPED, 4, 8, 5);
            var outcome = loop.start(workspace, List.of());
            var result = outcome.result();
            var reader = workspace.reader();

            assertThat(result.bestTrainMean()).isGreaterThan(result.seedTrainMean());
            Invariants.budgetEqualsContainerCalls(reader, "overlapped-1", outcome.budgetCommitted(), container.tally());
            assertThat(outcome.budgetCommitted()).isLessThanOrEqualTo(BUDGET);
            Invariants.candidatesAreOneMoreThanAccepted(reader, result);
            Invariants.everyGateDecisionIsTrue(reader, "overlapped-1");
            Invariants.oneOutcomePerProposal(reader, result);
            Invariants.workspaceRoundTrips(reader, result, SyntheticLoop.TASK.trainSize());
        }
    }
}
