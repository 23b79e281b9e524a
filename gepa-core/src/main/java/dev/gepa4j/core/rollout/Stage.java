package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.Split;

/** Why a batch of rollouts runs; recorded with every rollout. */
public enum Stage {
    /** The seed candidate on every train example. */
    SEED_TRAIN(Split.TRAIN),
    /** A parent on the minibatch its child will be judged on (normally served by the cache). */
    PARENT_MINIBATCH(Split.TRAIN),
    /** A child on its parent's minibatch: the gate. */
    CHILD_MINIBATCH(Split.TRAIN),
    /** A merge child on a sample both parents have scores on. */
    MERGE_SAMPLE(Split.TRAIN),
    /** A gated child on the full train set. */
    FULL_TRAIN(Split.TRAIN),
    /** The seed on every row of the frontier's own split (runs whose frontier is not scored on train). */
    SEED_PARETO(Split.PARETO),
    /** A gated child on every row of the frontier's own split (runs whose frontier is not scored on train). */
    FULL_PARETO(Split.PARETO),
    /** Frontier members on heldout, for the final pick only. */
    HELDOUT(Split.HELDOUT),
    /** The seed and the final pick on the test split, after the loop; reported only, never read by the loop. */
    TEST(Split.TEST),
    /** Benchmarks and checks outside a GEPA run. */
    ADHOC(Split.TRAIN);

    private final Split split;

    Stage(Split split) {
        this.split = split;
    }

    public Split split() {
        return split;
    }

    /** The stage that scores the seed on {@code frontierSplit}'s rows (train or pareto). */
    public static Stage seedOn(Split frontierSplit) {
        return frontierSplit == Split.PARETO ? SEED_PARETO : SEED_TRAIN;
    }

    /** The stage that scores a gated child on {@code frontierSplit}'s rows (train or pareto). */
    public static Stage fullOn(Split frontierSplit) {
        return frontierSplit == Split.PARETO ? FULL_PARETO : FULL_TRAIN;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
