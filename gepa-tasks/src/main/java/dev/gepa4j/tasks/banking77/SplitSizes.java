package dev.gepa4j.tasks.banking77;

/**
 * How many examples each split takes and the shuffle seed that picks them.
 *
 * <p>{@code train} comes from {@code train.csv} and {@code heldout} from {@code test.csv}, so the two never share a
 * row. The defaults keep a demo run (seed on train, ~25 proposals on minibatches of 5, accepted children on train,
 * seed plus top-2 candidates on heldout) inside 1,500 rollouts while the heldout stays large enough that a +0.05 lift
 * is several standard errors of a paired comparison. Measured with {@code Banking77EvolutionHarness} (seeds 1 to 5,
 * knowledge-based offline editor): seed 0.585 heldout, best +0.075 to +0.090. A larger train split (50, 60) covers
 * more intents but leaves budget for fewer accepted children and lifted less (+0.06 mean).
 *
 * @param train       number of training examples (minibatches and the full-train Pareto evaluation)
 * @param heldout     number of heldout examples (final selection and the reported lift)
 * @param shuffleSeed seed of the fixed shuffle applied to each file before taking its prefix
 */
public record SplitSizes(int train, int heldout, long shuffleSeed) {
    /** Defaults used by the offline demo. */
    public static final SplitSizes DEFAULTS = new SplitSizes(40, 200, 77L);

    public SplitSizes {
        if (train < 1 || heldout < 1) {
            throw new IllegalArgumentException("split sizes must be positive: train=" + train + " heldout=" + heldout);
        }
    }
}
