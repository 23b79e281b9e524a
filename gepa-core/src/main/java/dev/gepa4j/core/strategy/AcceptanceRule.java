package dev.gepa4j.core.strategy;

/**
 * The minibatch gate: does a child's reward sum on the minibatch earn it a full train evaluation?
 *
 * <p>Both sums are over the same examples. Sums are compared with a tolerance of {@link #TOLERANCE}, so two sums
 * that differ only by floating-point rounding count as equal.
 */
public interface AcceptanceRule {
    double TOLERANCE = 1e-9;

    boolean accepts(double parentSum, double childSum);

    /** The requirement in words, for decision reasons: e.g. {@code child > parent}. */
    String requirement();

    String name();

    /**
     * True when the child cannot pass any more, even if each of its {@code remaining} unfinished rollouts scores the
     * maximum of 1: the gate may stop spending on it.
     */
    default boolean hopeless(double parentSum, double childPartialSum, int remaining) {
        return !accepts(parentSum, childPartialSum + remaining);
    }

    /** Parses {@code strict} or {@code improvement_or_equal}. */
    static AcceptanceRule parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "strict", "strict_improvement" -> new StrictImprovement();
            case "improvement_or_equal", "or_equal" -> new ImprovementOrEqual();
            default -> throw new IllegalArgumentException("unknown acceptance rule '" + text
                    + "': use strict or improvement_or_equal");
        };
    }
}
