package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * With probability ε a candidate drawn uniformly from all registered ones, otherwise the best by train mean.
 * Always draws one double (and one index when exploring), so ε does not change the stream's alignment.
 */
public final class EpsilonGreedySelector implements ParentSelector {
    /** The chance of exploring when none is configured. */
    public static final double DEFAULT_EPSILON = 0.1;
    private final double epsilon;

    /** @throws IllegalArgumentException when ε is outside [0,1] */
    public EpsilonGreedySelector(double epsilon) {
        if (!(epsilon >= 0 && epsilon <= 1)) {
            throw new IllegalArgumentException("epsilon must be in [0,1] (the chance of exploring), was " + epsilon);
        }
        this.epsilon = epsilon;
    }

    @Override
    public Candidate select(ParetoFrontier frontier, RandomGenerator random) {
        if (random.nextDouble() < epsilon) {
            List<Candidate> all = frontier.candidates();
            return all.get(random.nextInt(all.size()));
        }
        return frontier.bestByMean();
    }

    public double epsilon() {
        return epsilon;
    }

    @Override
    public String name() {
        return "epsilon_greedy:" + epsilon;
    }
}
