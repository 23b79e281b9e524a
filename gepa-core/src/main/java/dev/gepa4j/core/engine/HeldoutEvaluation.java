package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.RunEvent.HeldoutEvaluated;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.Stage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Step 4 of the loop, the rollout part: runs the picked candidates on every heldout row (pick-major, row order, one
 * batch, never cut short) and emits one {@code heldout.evaluated} event per pick. Runs after the lanes have stopped;
 * its results go to the final pick only, never to a proposer. The arithmetic is {@link HeldoutSelection}'s.
 */
final class HeldoutEvaluation {
    private final LoopParts parts;
    private final LoopState state;
    private final EventLog events;
    private final Rollouts rollouts;

    HeldoutEvaluation(LoopParts parts, LoopState state, EventLog events, Rollouts rollouts) {
        this.parts = parts;
        this.state = state;
        this.events = events;
        this.rollouts = rollouts;
    }

    /** The picks' heldout means and unmeasured examples ({@link HeldoutSelection#outcome}); no rollouts for no picks. */
    HeldoutSelection.Outcome evaluate(List<Candidate> picks) {
        long version = state.version();
        List<RolloutJob> jobs = new ArrayList<>();
        picks.forEach(c -> parts.heldout().forEach(row -> jobs.add(new RolloutJob(c, row, version))));
        BatchResult r = jobs.isEmpty() ? new BatchResult(List.of(), 0, 0, false)
                : rollouts.runJobs(Stage.HELDOUT, jobs, new Attempt(), EarlyStop.NEVER);
        int size = parts.heldout().size();
        HeldoutSelection.Outcome outcome = HeldoutSelection.outcome(picks, r.results(),
                parts.heldout().stream().map(row -> row.ref().exampleId()).toList());
        outcome.means().forEach((id, m) -> events.emit(new HeldoutEvaluated(id, m, measured(r, id), size)));
        return outcome;
    }

    private static int measured(BatchResult r, String candidateId) {
        return (int) r.results().stream().filter(x -> x != null && x.measured() && x.candidateId().equals(candidateId))
                .count();
    }
}
