package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The GEPA default: draws a parent with probability proportional to the number of train examples it holds the
 * best reward on, after dominated candidates are pruned ({@link ParetoFrontier#selectionWeights()}, which never
 * leaves the best-mean candidate without mass). One draw of {@code random.nextLong(total)} per call.
 */
public final class ParetoWeightedSelector implements ParentSelector {

    @Override
    public Candidate select(ParetoFrontier frontier, RandomGenerator random) {
        Map<String, Integer> weights = frontier.selectionWeights();
        long total = weights.values().stream().mapToLong(Integer::longValue).sum();
        long pick = random.nextLong(total);
        for (Map.Entry<String, Integer> e : weights.entrySet()) {
            pick -= e.getValue();
            if (pick < 0) {
                return frontier.candidate(e.getKey());
            }
        }
        throw new IllegalStateException("weights changed during selection");
    }

    @Override
    public String name() {
        return "pareto";
    }
}
