package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.RunEvent.RolloutsFinished;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.RolloutRunner;
import dev.gepa4j.core.rollout.Stage;
import java.util.List;

/**
 * Runs a batch of rollouts through the runner (so through the run's journal and cache) and books it: executed and
 * cached counts, whether the budget ran out, and the attempt's fresh measurements ({@link LoopState#book}); then a
 * {@code rollouts.finished} event. The runner is called outside the lock, so lanes roll out in parallel.
 *
 * <p>Results come back in job order, {@code null} where a job did not run; unmeasured results are data, not
 * exceptions. The static helpers read such lists.
 */
final class Rollouts {
    private final RolloutRunner runner;
    private final LoopState state;
    private final EventLog events;

    Rollouts(RolloutRunner runner, LoopState state, EventLog events) {
        this.runner = runner;
        this.state = state;
        this.events = events;
    }

    /** The candidate on the rows, in row order, tagged with the frontier version the attempt was planned from. */
    BatchResult run(Stage stage, Candidate c, List<DatasetRow> rows, Attempt at, EarlyStop earlyStop) {
        long version = at.version;
        return runJobs(stage, rows.stream().map(row -> new RolloutJob(c, row, version)).toList(), at, earlyStop);
    }

    BatchResult runJobs(Stage stage, List<RolloutJob> jobs, Attempt at, EarlyStop earlyStop) {
        BatchResult r = runner.run(stage, jobs, earlyStop);
        at.fresh += state.book(r);
        events.emit(new RolloutsFinished(stage, jobs.size(), r.executed(), r.cached(), runner.budget().committed(),
                runner.budget().limit()));
        return r;
    }

    /** Sum of the measured rewards (unmeasured and not-run count 0). */
    static double sum(List<RolloutResult> results) {
        return results.stream().filter(r -> r != null && r.measured()).mapToDouble(RolloutResult::reward).sum();
    }

    static int measured(BatchResult r) {
        return (int) r.results().stream().filter(x -> x != null && x.measured()).count();
    }

    static List<String> ids(List<DatasetRow> rows) {
        return rows.stream().map(r -> r.ref().exampleId()).toList();
    }

    /** The first unmeasured result's error, else whether the budget ran out, else "none". */
    static String firstError(BatchResult r) {
        return r.results().stream().filter(x -> x != null && !x.measured()).map(RolloutResult::error).findFirst()
                .orElse(r.budgetExhausted() ? "rollout budget ran out" : "none");
    }
}
