package dev.gepa4j.core.engine;

import dev.gepa4j.core.strategy.MergeTriplet;

/**
 * One iteration's bookkeeping, owned by the lane running it (never shared, so never locked).
 *
 * <p>{@code seq} is the proposal seq, 0 until one is assigned; {@code version} the frontier version the iteration
 * was planned from (its rollouts are tagged with it and the staleness policy measures lag from it); {@code fresh}
 * the (candidate, example) measurements it added that the loop had not seen before (0 at the end means the
 * iteration made no progress); {@code claim} the reflective plan it holds in flight ({@link InFlight}) and
 * {@code merging} the merge it runs, until the iteration ends.
 */
final class Attempt {
    int seq;
    long version;
    int fresh;
    ReflectionPlanner.Plan claim;
    MergeTriplet merging;
}
