package dev.gepa4j.core.engine;

/**
 * The product's loop defaults, written here once: {@link LoopConfig#builder()} starts from them, and the CLI's
 * configuration file falls back to them for every key it leaves out. Change a default here and both follow.
 */
public final class LoopDefaults {
    /** Overlapped: several proposals in flight at once (serial is the reproducible mode). */
    public static final Mode MODE = Mode.OVERLAPPED;
    /** Train examples per gate minibatch. */
    public static final int MINIBATCH_SIZE = 5;
    /** Lanes of overlapped mode when the proposer is a model called over HTTP: the public contract's default. */
    public static final int LLM_LANES = 8;
    /** Lanes of overlapped mode with the offline or the coding-agent proposer, and of a bare {@link LoopConfig}. */
    public static final int OTHER_LANES = 4;
    /** Stale children of overlapped mode move onto the current best (see {@link Staleness.Policy#REBASE}). */
    public static final Staleness STALENESS = Staleness.rebase();
    /** Merges of frontier parents are tried. */
    public static final boolean MERGE = true;
    /** The most merge attempts per run, accepted or not. */
    public static final int MAX_MERGE_ATTEMPTS = 5;
    /** Train examples the merge gate compares a merged child on. */
    public static final int MERGE_SAMPLE_SIZE = 5;
    /** Frontier candidates (best train mean first) evaluated on heldout besides the seed. */
    public static final int HELDOUT_TOP_K = 3;
    /** Heldout budget meaning "(top-k + 1) x heldout size" (see {@link LoopConfig#heldoutReserve}). */
    public static final int AUTOMATIC_HELDOUT_BUDGET = -1;
    /** Iterations in a row that measure nothing new before the loop stops as stalled. */
    public static final int MAX_IDLE_ITERATIONS = 25;
    /** Successes shown to the proposer beside the failures. */
    public static final int SUCCESSES_SHOWN = 3;
    /** Earlier rejected children of the same parent shown to the proposer. */
    public static final int REJECTED_ATTEMPTS_SHOWN = 5;

    private LoopDefaults() {
    }

    /**
     * Lanes of overlapped mode for a proposer kind: {@value #LLM_LANES} for {@code llm}, else {@value #OTHER_LANES}.
     * Lanes exist to hide the proposer's latency, and overlapped mode is bounded by how many useful proposals come
     * back per second, so a model called over HTTP gets the public contract's default of eight. The offline proposer
     * answers at once (its runs are bound by rollout CPU; eight lanes gave the demo the same lift, a little slower),
     * and each coding-agent lane is an agent process on the user's machine.
     */
    public static int lanesFor(String proposerKind) {
        return "llm".equals(proposerKind) ? LLM_LANES : OTHER_LANES;
    }
}
