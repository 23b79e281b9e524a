package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.random.RandomGenerator;

/**
 * Picks the candidate the next proposal starts from.
 *
 * <p>Contract: returns a candidate already on the frontier; the frontier is not empty when called. Any randomness
 * comes from {@code random}, and the same frontier with a generator in the same state gives the same choice.
 */
public interface ParentSelector {

    Candidate select(ParetoFrontier frontier, RandomGenerator random);

    /** Short name for logs and the run's configuration. */
    String name();

    /**
     * Parses {@code pareto}, {@code current_best} or {@code epsilon_greedy[:EPS]} (default ε
     * {@value EpsilonGreedySelector#DEFAULT_EPSILON}).
     */
    static ParentSelector parse(String text) {
        String t = text.trim().toLowerCase(java.util.Locale.ROOT);
        if (t.equals("pareto")) {
            return new ParetoWeightedSelector();
        }
        if (t.equals("current_best")) {
            return new CurrentBestSelector();
        }
        if (t.equals("epsilon_greedy")) {
            return new EpsilonGreedySelector(EpsilonGreedySelector.DEFAULT_EPSILON);
        }
        if (t.startsWith("epsilon_greedy:")) {
            return new EpsilonGreedySelector(Double.parseDouble(t.substring("epsilon_greedy:".length())));
        }
        throw new IllegalArgumentException("unknown parent selector '" + text
                + "': use pareto, current_best or epsilon_greedy[:EPSILON]");
    }
}
