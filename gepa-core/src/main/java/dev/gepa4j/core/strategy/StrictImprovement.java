package dev.gepa4j.core.strategy;

/** The child must score strictly more than its parent on the minibatch; a tie is rejected. The GEPA default. */
public final class StrictImprovement implements AcceptanceRule {

    @Override
    public boolean accepts(double parentSum, double childSum) {
        return childSum > parentSum + TOLERANCE;
    }

    @Override
    public String requirement() {
        return "child > parent";
    }

    @Override
    public String name() {
        return "strict";
    }
}
