package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.stats.PairedComparison;
import dev.gepa4j.core.stats.PairedLift;
import dev.gepa4j.core.workspace.RolloutRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The run's test evaluation as the journal holds it: the seed and the final pick on the test rows, compared on the
 * rows measured for both (the same {@link PairedComparison} the loop's summary line uses).
 *
 * @param rows            test rows the run has (distinct test examples in the journal)
 * @param rollouts        test-split rollouts in the journal
 * @param seedCandidateId the seed
 * @param bestCandidateId the candidate compared with the seed: the one besides the seed that ran on test (the seed
 *                        itself when it was the pick)
 * @param seedTest        the seed's mean over all its measured test rows
 * @param bestTest        the best's mean over all its measured test rows
 * @param comparison      the paired comparison; null when no row was measured for both
 */
public record TestSummary(int rows, long rollouts, String seedCandidateId, String bestCandidateId, Double seedTest,
                          Double bestTest, PairedLift comparison) {

    /** Null when the run has no test rollouts. */
    static TestSummary of(List<RolloutRecord> rollouts, Map<String, CandidateResults> results, String seedId) {
        List<RolloutRecord> test = rollouts.stream().filter(r -> r.result().example().split() == Split.TEST).toList();
        if (test.isEmpty() || seedId == null) {
            return null;
        }
        String bestId = test.stream().map(r -> r.result().candidateId()).filter(id -> !id.equals(seedId))
                .findFirst().orElse(seedId);
        CandidateResults seed = results.getOrDefault(seedId, new CandidateResults());
        CandidateResults best = results.getOrDefault(bestId, new CandidateResults());
        List<RolloutRecord> paired = new ArrayList<>(seed.test().values().stream()
                .filter(r -> best.test().containsKey(r.result().example().exampleId())).toList());
        paired.sort(Comparator.comparingLong((RolloutRecord r) -> r.result().example().seed())
                .thenComparing(r -> r.result().example().exampleId()));
        PairedLift comparison = null;
        if (!paired.isEmpty()) {
            double[] s = paired.stream().mapToDouble(r -> r.result().reward()).toArray();
            double[] b = paired.stream().mapToDouble(r -> best.test().get(r.result().example().exampleId())
                    .result().reward()).toArray();
            comparison = PairedComparison.compare(s, b);
        }
        int rows = (int) test.stream().map(r -> r.result().example().exampleId()).distinct().count();
        return new TestSummary(rows, test.size(), seedId, bestId, seed.testScore(), best.testScore(), comparison);
    }
}
