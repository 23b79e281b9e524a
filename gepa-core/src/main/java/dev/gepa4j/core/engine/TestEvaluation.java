package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.RunEvent.TestEvaluated;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.stats.PairedComparison;
import dev.gepa4j.core.stats.PairedLift;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Step 5 of the loop: the seed and the final pick on every test row, once the pick is made. The rows run through
 * the test runner, whose budget is apart from the loop's, so the optimization budget buys the same search with or
 * without a test split. Nothing the loop decides reads these results; they go to the {@link TestResult}, one
 * {@code test.evaluated} event and the journal (stage {@code TEST}).
 */
final class TestEvaluation {
    private TestEvaluation() {
    }

    /** Empty when the run has no test split. */
    static Optional<TestResult> evaluate(LoopParts parts, EventLog events, Candidate seed, Candidate best) {
        if (parts.test().isEmpty()) {
            return Optional.empty();
        }
        List<Candidate> picks = best.id().equals(seed.id()) ? List.of(seed) : List.of(seed, best);
        List<RolloutJob> jobs = new ArrayList<>();
        picks.forEach(c -> parts.test().forEach(row -> jobs.add(new RolloutJob(c, row, 0))));
        long before = parts.testRunner().budget().committed();
        BatchResult r = parts.testRunner().run(Stage.TEST, jobs, EarlyStop.NEVER);
        int size = parts.test().size();
        List<RolloutResult> seedResults = r.results().subList(0, size);
        List<RolloutResult> bestResults = picks.size() == 1 ? seedResults : r.results().subList(size, 2 * size);
        PairedLift comparison = compare(seedResults, bestResults);
        events.emit(new TestEvaluated(seed.id(), best.id(), size, comparison));
        return Optional.of(new TestResult(size, parts.testRunner().budget().committed() - before, comparison));
    }

    /** Rows measured for both, in row order; null when there is none. */
    static PairedLift compare(List<RolloutResult> seed, List<RolloutResult> best) {
        List<double[]> pairs = new ArrayList<>();
        for (int i = 0; i < seed.size(); i++) {
            RolloutResult s = seed.get(i);
            RolloutResult b = best.get(i);
            if (s != null && b != null && s.measured() && b.measured()) {
                pairs.add(new double[] {s.reward(), b.reward()});
            }
        }
        if (pairs.isEmpty()) {
            return null;
        }
        return PairedComparison.compare(pairs.stream().mapToDouble(p -> p[0]).toArray(),
                pairs.stream().mapToDouble(p -> p[1]).toArray());
    }
}
