package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The train examples a merge child is judged on: only examples both parents have scores on (their stored train
 * rewards stand in for re-running them), with up to a third where the first parent is better and a third where the
 * second is, so the sample shows whether the child kept both parents' strengths; the rest drawn from all shared
 * examples. Drawn from the run's generator, in a fixed order.
 */
final class MergeSample {
    private MergeSample() {
    }

    static List<DatasetRow> choose(ParetoFrontier frontier, Candidate a, Candidate b, List<DatasetRow> train, int size,
                                   RandomGenerator random) {
        Map<String, Double> ra = frontier.rewards(a.id());
        Map<String, Double> rb = frontier.rewards(b.id());
        List<DatasetRow> aBetter = new ArrayList<>();
        List<DatasetRow> bBetter = new ArrayList<>();
        List<DatasetRow> shared = new ArrayList<>();
        for (DatasetRow row : train) {
            Double x = ra.get(row.ref().exampleId());
            Double y = rb.get(row.ref().exampleId());
            if (x != null && y != null) {
                shared.add(row);
                if (x > y) {
                    aBetter.add(row);
                } else if (y > x) {
                    bBetter.add(row);
                }
            }
        }
        int wanted = Math.min(size, shared.size());
        List<DatasetRow> sample = new ArrayList<>();
        takeRandom(aBetter, Math.max(1, wanted / 3), sample, random);
        takeRandom(bBetter, Math.max(1, wanted / 3), sample, random);
        shared.removeAll(sample);
        takeRandom(shared, wanted - sample.size(), sample, random);
        return sample;
    }

    /** Sum of the candidate's stored train rewards on the sample. */
    static double sum(ParetoFrontier frontier, Candidate c, List<DatasetRow> sample) {
        Map<String, Double> rewards = frontier.rewards(c.id());
        return sample.stream().mapToDouble(r -> rewards.getOrDefault(r.ref().exampleId(), 0.0)).sum();
    }

    private static void takeRandom(List<DatasetRow> from, int n, List<DatasetRow> into, RandomGenerator random) {
        List<DatasetRow> pool = new ArrayList<>(from);
        pool.removeAll(into);
        for (int i = 0; i < n && !pool.isEmpty(); i++) {
            into.add(pool.remove(random.nextInt(pool.size())));
        }
    }
}
