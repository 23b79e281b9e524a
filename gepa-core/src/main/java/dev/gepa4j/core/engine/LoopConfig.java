package dev.gepa4j.core.engine;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The loop's settings. The rollout budget itself is the runner's ({@code RolloutRunner.budget()}); the random seed
 * is in the generator passed with {@link LoopParts}.
 *
 * @param mode                  serial (reproducible) or overlapped
 * @param minibatchSize         train examples per gate (GEPA's default 3)
 * @param lanes                 proposals in flight at once in overlapped mode (ignored in serial mode)
 * @param staleness             what overlapped mode does with children planned from an older frontier
 * @param merge                 merge scheduling
 * @param heldoutTopK           frontier candidates (by train mean) evaluated on heldout besides the seed
 * @param heldoutBudget         rollouts kept for the heldout pick; -1 means (heldoutTopK + 1) x heldout size
 * @param seedCandidate         overrides the program's seed candidate when not empty
 * @param maxIdleIterations     stop after this many iterations in a row that measured nothing new (anti-spin)
 * @param successesShown        successes shown to the proposer beside the failures
 * @param rejectedAttemptsShown earlier rejected children of the same parent shown to the proposer
 */
public record LoopConfig(Mode mode, int minibatchSize, int lanes, Staleness staleness, MergeSettings merge,
                         int heldoutTopK, int heldoutBudget, Map<String, String> seedCandidate, int maxIdleIterations,
                         int successesShown, int rejectedAttemptsShown) {
    public LoopConfig {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(staleness, "staleness");
        Objects.requireNonNull(merge, "merge");
        seedCandidate = java.util.Collections.unmodifiableMap(new TreeMap<>(seedCandidate == null ? Map.of() : seedCandidate));
        require(minibatchSize >= 1, "minibatch size must be >= 1, was " + minibatchSize);
        require(lanes >= 1, "lanes must be >= 1, was " + lanes);
        require(heldoutTopK >= 0, "heldout top-k must be >= 0, was " + heldoutTopK);
        require(heldoutBudget >= -1, "heldout budget must be >= 0 rollouts (or -1 for automatic), was " + heldoutBudget);
        require(maxIdleIterations >= 1, "max idle iterations must be >= 1, was " + maxIdleIterations);
        require(successesShown >= 0 && rejectedAttemptsShown >= 0, "shown counts must be >= 0");
    }

    /** Serial, minibatch 3, 4 lanes when overlapped, merges off, heldout top 3. */
    public static LoopConfig defaults() {
        return new LoopConfig(Mode.SERIAL, 3, 4, Staleness.acceptAsIs(), MergeSettings.off(), 3, -1, Map.of(), 25, 3, 5);
    }

    public LoopConfig withMode(Mode m) {
        return new LoopConfig(m, minibatchSize, lanes, staleness, merge, heldoutTopK, heldoutBudget, seedCandidate,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    public LoopConfig withMinibatchSize(int size) {
        return new LoopConfig(mode, size, lanes, staleness, merge, heldoutTopK, heldoutBudget, seedCandidate,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    public LoopConfig withLanes(int n, Staleness s) {
        return new LoopConfig(mode, minibatchSize, n, s, merge, heldoutTopK, heldoutBudget, seedCandidate,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    public LoopConfig withMerge(MergeSettings m) {
        return new LoopConfig(mode, minibatchSize, lanes, staleness, m, heldoutTopK, heldoutBudget, seedCandidate,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    public LoopConfig withHeldout(int topK, int budget) {
        return new LoopConfig(mode, minibatchSize, lanes, staleness, merge, topK, budget, seedCandidate,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    public LoopConfig withSeedCandidate(Map<String, String> seed) {
        return new LoopConfig(mode, minibatchSize, lanes, staleness, merge, heldoutTopK, heldoutBudget, seed,
                maxIdleIterations, successesShown, rejectedAttemptsShown);
    }

    /** Rollouts kept back for the heldout pick given the heldout split's size. */
    public long heldoutReserve(int heldoutSize) {
        long automatic = (long) (heldoutTopK + 1) * heldoutSize;
        return heldoutBudget < 0 ? automatic : Math.min(heldoutBudget, automatic);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
