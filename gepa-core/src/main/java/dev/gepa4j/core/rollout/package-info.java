/**
 * Running candidate x example jobs: the {@link dev.gepa4j.core.rollout.RolloutRunner} the loop calls, the rollout
 * cache and journal it reads and writes, the hard {@link dev.gepa4j.core.rollout.RolloutBudget}, and the queue that
 * fans jobs out over virtual threads to one or more containers.
 *
 * <p>May import: {@code model}, {@code container}, {@code retry}.
 */
package dev.gepa4j.core.rollout;
