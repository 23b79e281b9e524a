package dev.gepa4j.core.strategy;

/** The child must score at least as much as its parent on the minibatch; a tie passes. */
public final class ImprovementOrEqual implements AcceptanceRule {

    @Override
    public boolean accepts(double parentSum, double childSum) {
        return childSum >= parentSum - TOLERANCE;
    }

    @Override
    public String requirement() {
        return "child >= parent";
    }

    @Override
    public String name() {
        return "improvement_or_equal";
    }
}
