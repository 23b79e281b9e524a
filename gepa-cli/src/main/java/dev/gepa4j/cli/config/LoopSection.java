package dev.gepa4j.cli.config;

/**
 * {@code [gepa]}: the loop's budgets and policies.
 *
 * @param maxRollouts             hard cap on container calls, heldout included; default 1500
 * @param heldoutRollouts         part of {@code max_rollouts} kept for the final heldout pick; default: enough for
 *                                {@code heldout_top_k} candidates on every heldout seed
 * @param heldoutTopK             frontier candidates (best train first) evaluated on heldout; default 3
 * @param minibatchSize           examples per gate minibatch; default 5
 * @param inFlight                proposals in flight at once in overlapped mode (its lanes); null for the default
 *                                of the proposer kind, see {@link #inFlightFor}
 * @param merge                   try merges of frontier parents; default true
 * @param maxMergeAttempts        cap on merge attempts (accepted or not); default 5
 * @param acceptance              {@code strict_improvement} (default) or {@code improvement_or_equal}
 * @param parentSelection         {@code pareto_weighted} (default), {@code current_best} or {@code epsilon_greedy}
 * @param epsilon                 for epsilon_greedy; default 0.1
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
 */
public record LoopSection(Integer maxRollouts, Integer heldoutRollouts, Integer heldoutTopK, Integer minibatchSize,
                          Integer inFlight, Boolean merge, Integer maxMergeAttempts, String acceptance,
                          String parentSelection, Double epsilon, String componentSelection, String staleness,
                          Integer maxSeconds, Double scoreThreshold, Integer noImprovementProposals,
                          Integer maxProposals, Long maxProposerTokens, Double maxProposerCostUsd, String stopFile) {
    public LoopSection {
        maxRollouts = maxRollouts == null ? 1500 : maxRollouts;
        heldoutTopK = heldoutTopK == null ? 3 : heldoutTopK;
        minibatchSize = minibatchSize == null ? 5 : minibatchSize;
        merge = merge == null || merge;
        maxMergeAttempts = maxMergeAttempts == null ? 5 : maxMergeAttempts;
        acceptance = acceptance == null ? "strict_improvement" : acceptance;
        parentSelection = parentSelection == null ? "pareto_weighted" : parentSelection;
        epsilon = epsilon == null ? 0.1 : epsilon;
        componentSelection = componentSelection == null ? "round_robin" : componentSelection;
        staleness = staleness == null ? "rebase" : staleness;
        stopFile = stopFile == null ? "STOP" : stopFile;
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

    /** Default lanes with an LLM proposer ({@code kind = "llm"}): the public contract's max_in_flight_candidates. */
    public static final int LLM_IN_FLIGHT = 8;
    /** Default lanes with the offline or the coding-agent proposer. */
    public static final int OTHER_IN_FLIGHT = 4;

    /**
     * Lanes of overlapped mode: {@code in_flight} when set, else {@value #LLM_IN_FLIGHT} for the LLM proposer and
     * {@value #OTHER_IN_FLIGHT} for the others. Lanes exist to hide the proposer's latency, and overlapped mode is
     * bounded by how many useful proposals come back per second, so a model called over HTTP gets the public
     * contract's default of eight. The offline proposer answers at once (its runs are bound by rollout CPU; eight
     * lanes gave the demo the same lift, a little slower), and each coding-agent lane is an agent process on the
     * user's machine.
     */
    public int inFlightFor(String proposerKind) {
        if (inFlight != null) {
            return inFlight;
        }
        return "llm".equals(proposerKind) ? LLM_IN_FLIGHT : OTHER_IN_FLIGHT;
    }

    public static LoopSection defaults() {
        return new LoopSection(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null);
    }
}
