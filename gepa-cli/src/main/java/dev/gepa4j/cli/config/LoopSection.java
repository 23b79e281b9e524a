package dev.gepa4j.cli.config;

import dev.gepa4j.core.engine.LoopDefaults;
import dev.gepa4j.core.strategy.EpsilonGreedySelector;

/**
 * {@code [gepa]}: the loop's budgets and policies. The loop's defaults are the core's ({@link LoopDefaults}); this
 * section fills them in for the keys a file leaves out.
 *
 * @param maxRollouts             hard cap on the rollouts a run uses (executed, or taken from the cache of an earlier
 *                                run), heldout included; default {@value #DEFAULT_MAX_ROLLOUTS}
 * @param heldoutRollouts         part of {@code max_rollouts} kept for the final heldout pick; default: enough for
 *                                {@code heldout_top_k} candidates and the seed on every heldout seed
 * @param heldoutTopK             frontier candidates (best train first) evaluated on heldout; default
 *                                {@value LoopDefaults#HELDOUT_TOP_K}
 * @param minibatchSize           examples per gate minibatch; default {@value LoopDefaults#MINIBATCH_SIZE}
 * @param inFlight                proposals in flight at once in overlapped mode (its lanes); null for the default
 *                                of the proposer kind, see {@link #inFlightFor}
 * @param merge                   try merges of frontier parents; default {@value LoopDefaults#MERGE}
 * @param maxMergeAttempts        cap on merge attempts (accepted or not); default
 *                                {@value LoopDefaults#MAX_MERGE_ATTEMPTS}
 * @param acceptance              {@code strict_improvement} (default) or {@code improvement_or_equal}
 * @param parentSelection         {@code pareto_weighted} (default), {@code current_best} or {@code epsilon_greedy}
 * @param epsilon                 for epsilon_greedy; default {@value EpsilonGreedySelector#DEFAULT_EPSILON}
 * @param componentSelection      {@code round_robin} (default) or {@code all}
 * @param staleness               overlapped mode: {@code rebase} (default), {@code accept}, {@code recheck} or
 *                                {@code drop}
 * @param maxSeconds              wall-time stop
 * @param scoreThreshold          stop once the best train mean reaches it
 * @param noImprovementProposals  stop after this many proposals without a better best
 * @param maxProposals            stop after this many proposals
 * @param maxProposerTokens       stop once proposer calls spent this many tokens
 * @param maxProposerCostUsd      stop once proposer calls cost this much
 * @param stopFile                stop when this file exists (relative to the workspace); default {@code STOP}
 * @param maxContainerCalls       optional hard cap on container calls (HTTP attempts at rollouts, retries included);
 *                                default none
 */
public record LoopSection(Integer maxRollouts, Integer heldoutRollouts, Integer heldoutTopK, Integer minibatchSize,
                          Integer inFlight, Boolean merge, Integer maxMergeAttempts, String acceptance,
                          String parentSelection, Double epsilon, String componentSelection, String staleness,
                          Integer maxSeconds, Double scoreThreshold, Integer noImprovementProposals,
                          Integer maxProposals, Long maxProposerTokens, Double maxProposerCostUsd, String stopFile,
                          Long maxContainerCalls) {
    /** The rollout budget when {@code max_rollouts} is left out. */
    public static final int DEFAULT_MAX_ROLLOUTS = 1500;

    public LoopSection {
        maxRollouts = maxRollouts == null ? DEFAULT_MAX_ROLLOUTS : maxRollouts;
        heldoutTopK = heldoutTopK == null ? LoopDefaults.HELDOUT_TOP_K : heldoutTopK;
        minibatchSize = minibatchSize == null ? LoopDefaults.MINIBATCH_SIZE : minibatchSize;
        merge = merge == null ? LoopDefaults.MERGE : merge;
        maxMergeAttempts = maxMergeAttempts == null ? LoopDefaults.MAX_MERGE_ATTEMPTS : maxMergeAttempts;
        acceptance = acceptance == null ? "strict_improvement" : acceptance;
        parentSelection = parentSelection == null ? "pareto_weighted" : parentSelection;
        epsilon = epsilon == null ? EpsilonGreedySelector.DEFAULT_EPSILON : epsilon;
        componentSelection = componentSelection == null ? "round_robin" : componentSelection;
        staleness = staleness == null ? LoopDefaults.STALENESS.label() : staleness;
        stopFile = stopFile == null ? "STOP" : stopFile;
        if (maxContainerCalls != null && maxContainerCalls < 1) {
            throw new IllegalArgumentException("[gepa] max_container_calls must be >= 1 (or left out for no cap), was "
                    + maxContainerCalls);
        }
        if (maxRollouts < 1) {
            throw new IllegalArgumentException("[gepa] max_rollouts must be >= 1");
        }
        if (minibatchSize < 1) {
            throw new IllegalArgumentException("[gepa] minibatch_size must be >= 1");
        }
        if (inFlight != null && inFlight < 1) {
            throw new IllegalArgumentException("[gepa] in_flight must be >= 1 (proposals in flight at once), was "
                    + inFlight);
        }
        if (heldoutTopK < 1) {
            throw new IllegalArgumentException("[gepa] heldout_top_k must be >= 1");
        }
    }

    /** Lanes of overlapped mode: {@code in_flight} when set, else the proposer kind's {@link LoopDefaults#lanesFor}. */
    public int inFlightFor(String proposerKind) {
        return inFlight != null ? inFlight : LoopDefaults.lanesFor(proposerKind);
    }

    public static LoopSection defaults() {
        return builder().build();
    }

    /** Named construction; every setting left unset takes its default, as a key missing from the file does. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link LoopSection} by name; unset settings are null and take their defaults. */
    public static final class Builder {
        private Integer maxRollouts;
        private Integer heldoutRollouts;
        private Integer heldoutTopK;
        private Integer minibatchSize;
        private Integer inFlight;
        private Boolean merge;
        private Integer maxMergeAttempts;
        private String acceptance;
        private String parentSelection;
        private Double epsilon;
        private String componentSelection;
        private String staleness;
        private Integer maxSeconds;
        private Double scoreThreshold;
        private Integer noImprovementProposals;
        private Integer maxProposals;
        private Long maxProposerTokens;
        private Double maxProposerCostUsd;
        private String stopFile;
        private Long maxContainerCalls;

        private Builder() {
        }

        public Builder maxRollouts(Integer value) {
            this.maxRollouts = value;
            return this;
        }

        public Builder heldoutRollouts(Integer value) {
            this.heldoutRollouts = value;
            return this;
        }

        public Builder heldoutTopK(Integer value) {
            this.heldoutTopK = value;
            return this;
        }

        public Builder minibatchSize(Integer value) {
            this.minibatchSize = value;
            return this;
        }

        public Builder inFlight(Integer value) {
            this.inFlight = value;
            return this;
        }

        public Builder merge(Boolean value) {
            this.merge = value;
            return this;
        }

        public Builder maxMergeAttempts(Integer value) {
            this.maxMergeAttempts = value;
            return this;
        }

        public Builder acceptance(String value) {
            this.acceptance = value;
            return this;
        }

        public Builder parentSelection(String value) {
            this.parentSelection = value;
            return this;
        }

        public Builder epsilon(Double value) {
            this.epsilon = value;
            return this;
        }

        public Builder componentSelection(String value) {
            this.componentSelection = value;
            return this;
        }

        public Builder staleness(String value) {
            this.staleness = value;
            return this;
        }

        public Builder maxSeconds(Integer value) {
            this.maxSeconds = value;
            return this;
        }

        public Builder scoreThreshold(Double value) {
            this.scoreThreshold = value;
            return this;
        }

        public Builder noImprovementProposals(Integer value) {
            this.noImprovementProposals = value;
            return this;
        }

        public Builder maxProposals(Integer value) {
            this.maxProposals = value;
            return this;
        }

        public Builder maxProposerTokens(Long value) {
            this.maxProposerTokens = value;
            return this;
        }

        public Builder maxProposerCostUsd(Double value) {
            this.maxProposerCostUsd = value;
            return this;
        }

        public Builder stopFile(String value) {
            this.stopFile = value;
            return this;
        }

        public Builder maxContainerCalls(Long value) {
            this.maxContainerCalls = value;
            return this;
        }

        /** @throws IllegalArgumentException when a setting is out of range */
        public LoopSection build() {
            return new LoopSection(maxRollouts, heldoutRollouts, heldoutTopK, minibatchSize, inFlight, merge,
                    maxMergeAttempts, acceptance, parentSelection, epsilon, componentSelection, staleness, maxSeconds,
                    scoreThreshold, noImprovementProposals, maxProposals, maxProposerTokens, maxProposerCostUsd,
                    stopFile, maxContainerCalls);
        }
    }
}
