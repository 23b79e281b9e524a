package dev.gepa4j.core.engine;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The loop's settings. The rollout budget itself is the runner's ({@code RolloutRunner.budget()}); the random seed
 * is in the generator passed with {@link LoopParts}. Build one with {@link #builder()}, which starts from the
 * product defaults ({@link LoopDefaults}).
 *
 * @param mode                  serial (reproducible) or overlapped
 * @param minibatchSize         train examples per gate
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

    /** The product defaults ({@link LoopDefaults}). */
    public static LoopConfig defaults() {
        return builder().build();
    }

    /** A builder that starts from the product defaults ({@link LoopDefaults}). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this configuration. */
    public Builder toBuilder() {
        return new Builder().mode(mode).minibatchSize(minibatchSize).lanes(lanes).staleness(staleness).merge(merge)
                .heldoutTopK(heldoutTopK).heldoutBudget(heldoutBudget).seedCandidate(seedCandidate)
                .maxIdleIterations(maxIdleIterations).successesShown(successesShown)
                .rejectedAttemptsShown(rejectedAttemptsShown);
    }

    /** Named construction of a {@link LoopConfig}; every setting starts at its {@link LoopDefaults} value. */
    public static final class Builder {
        private Mode mode = LoopDefaults.MODE;
        private int minibatchSize = LoopDefaults.MINIBATCH_SIZE;
        private int lanes = LoopDefaults.OTHER_LANES;
        private Staleness staleness = LoopDefaults.STALENESS;
        private MergeSettings merge = LoopDefaults.MERGE ? MergeSettings.on(LoopDefaults.MAX_MERGE_ATTEMPTS)
                : MergeSettings.off();
        private int heldoutTopK = LoopDefaults.HELDOUT_TOP_K;
        private int heldoutBudget = LoopDefaults.AUTOMATIC_HELDOUT_BUDGET;
        private Map<String, String> seedCandidate = Map.of();
        private int maxIdleIterations = LoopDefaults.MAX_IDLE_ITERATIONS;
        private int successesShown = LoopDefaults.SUCCESSES_SHOWN;
        private int rejectedAttemptsShown = LoopDefaults.REJECTED_ATTEMPTS_SHOWN;

        private Builder() {
        }

        public Builder mode(Mode m) {
            this.mode = m;
            return this;
        }

        public Builder minibatchSize(int size) {
            this.minibatchSize = size;
            return this;
        }

        /** Proposals in flight at once in overlapped mode. */
        public Builder lanes(int n) {
            this.lanes = n;
            return this;
        }

        public Builder staleness(Staleness s) {
            this.staleness = s;
            return this;
        }

        public Builder merge(MergeSettings m) {
            this.merge = m;
            return this;
        }

        public Builder heldoutTopK(int topK) {
            this.heldoutTopK = topK;
            return this;
        }

        /** Rollouts kept for the heldout pick; {@link LoopDefaults#AUTOMATIC_HELDOUT_BUDGET} for automatic. */
        public Builder heldoutBudget(int rollouts) {
            this.heldoutBudget = rollouts;
            return this;
        }

        /** Overrides the program's seed candidate when not empty. */
        public Builder seedCandidate(Map<String, String> seed) {
            this.seedCandidate = seed;
            return this;
        }

        public Builder maxIdleIterations(int n) {
            this.maxIdleIterations = n;
            return this;
        }

        public Builder successesShown(int n) {
            this.successesShown = n;
            return this;
        }

        public Builder rejectedAttemptsShown(int n) {
            this.rejectedAttemptsShown = n;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting out of range */
        public LoopConfig build() {
            return new LoopConfig(mode, minibatchSize, lanes, staleness, merge, heldoutTopK, heldoutBudget,
                    seedCandidate, maxIdleIterations, successesShown, rejectedAttemptsShown);
        }
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
