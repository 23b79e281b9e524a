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
    /** Frontier members on heldout, for the final pick only. */
    HELDOUT(Split.HELDOUT),
    /** Benchmarks and checks outside a GEPA run. */
    ADHOC(Split.TRAIN);

    private final Split split;

    Stage(Split split) {
        this.split = split;
    }

    public Split split() {
        return split;
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
