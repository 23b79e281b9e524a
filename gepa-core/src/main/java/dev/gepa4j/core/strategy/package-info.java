/**
 * The loop's policies, one small interface per decision, each in its own file beside its default implementations:
 * which parent to improve ({@link dev.gepa4j.core.strategy.ParentSelector}), which train examples form the
 * minibatch ({@link dev.gepa4j.core.strategy.MinibatchSampler}), which fields a proposal may rewrite
 * ({@link dev.gepa4j.core.strategy.ComponentSelector}), whether a child passes the minibatch gate
 * ({@link dev.gepa4j.core.strategy.AcceptanceRule}), when to stop ({@link dev.gepa4j.core.strategy.StopCondition}),
 * and which two frontier candidates to merge ({@link dev.gepa4j.core.strategy.MergePairFinder}).
 *
 * <p>Randomness always comes in as a seeded {@link java.util.random.RandomGenerator}; no policy creates one, so a
 * run with the same seed makes the same draws. May import: {@code model}, {@code frontier}, {@code merge}.
 */
package dev.gepa4j.core.strategy;
