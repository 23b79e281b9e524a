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
 * <p>The built-in container serves more: {@link #CONTAINER} adds a {@code validation} split (the train.csv rows right
 * after the train prefix, for a frontier scored on rows of its own) and a {@code test} split of 1,000 rows whose
 * first 200 are the heldout rows above, so a run can take heldout and test rows from it without overlap.
 *
 * @param train       number of training examples (minibatches and the full-train Pareto evaluation)
 * @param validation  number of train.csv examples after the train prefix (0 for none)
 * @param heldout     number of test.csv examples (final selection; in the container also the test rows)
 * @param shuffleSeed seed of the fixed shuffle applied to each file before taking its prefix
 */
public record SplitSizes(int train, int validation, int heldout, long shuffleSeed) {
    /** Defaults used by the offline demo's harness: 40 train, 200 heldout. */
    public static final SplitSizes DEFAULTS = new SplitSizes(40, 200, 77L);
    /** What the built-in container serves: train 40, validation 100, test 1,000 (the first 200 are DEFAULTS' heldout). */
    public static final SplitSizes CONTAINER = new SplitSizes(40, 100, 1000, 77L);

    public SplitSizes {
        if (train < 1 || heldout < 1 || validation < 0) {
            throw new IllegalArgumentException("split sizes must be positive: train=" + train + " heldout=" + heldout
                    + " validation=" + validation);
        }
    }

    /** No validation split. */
    public SplitSizes(int train, int heldout, long shuffleSeed) {
        this(train, 0, heldout, shuffleSeed);
    }
}
