package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.WorkspaceException;
import dev.gepa4j.core.workspace.WorkspaceReader;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the workspace holds about one run, read at one moment. {@link RunMetrics} is a pure function of it,
 * so the console can keep one of these up to date with deltas and recompute the numbers without re-reading.
 *
 * @param candidates by index
 * @param rollouts   by seq
 * @param cachedFrom the run's cached rollouts by the other run whose rows they reused
 *                   ({@link WorkspaceReader#cachedFrom})
 */
public record RunData(RunInfo run, List<CandidateRecord> candidates, List<RolloutRecord> rollouts,
                      List<DecisionRecord> decisions, List<ProposalRecord> proposals, Usage policyUsage,
                      Usage proposerUsage, Map<String, Long> cachedFrom) {
    public RunData {
        cachedFrom = cachedFrom == null ? Map.of() : Map.copyOf(cachedFrom);
        Objects.requireNonNull(run, "run");
        candidates = List.copyOf(candidates);
        rollouts = List.copyOf(rollouts);
        decisions = List.copyOf(decisions);
        proposals = List.copyOf(proposals);
        policyUsage = policyUsage == null ? Usage.ZERO : policyUsage;
        proposerUsage = proposerUsage == null ? Usage.ZERO : proposerUsage;
    }

    /** A run's records without the cached-from counts. */
    public RunData(RunInfo run, List<CandidateRecord> candidates, List<RolloutRecord> rollouts,
                   List<DecisionRecord> decisions, List<ProposalRecord> proposals, Usage policyUsage,
                   Usage proposerUsage) {
        this(run, candidates, rollouts, decisions, proposals, policyUsage, proposerUsage, Map.of());
    }

    /** Reads the whole run; throws {@link WorkspaceException} naming the known runs when the id is unknown. */
    public static RunData load(WorkspaceReader reader, String runId) {
        RunInfo run = reader.run(runId).orElseThrow(() -> new WorkspaceException("no run '" + runId
                + "' in this workspace; known runs: " + reader.runs().stream().map(RunInfo::runId).toList()));
        return new RunData(run, reader.candidates(runId), reader.rollouts(runId, 0), reader.decisions(runId),
                reader.proposals(runId), reader.usage(runId, "policy"), reader.usage(runId, "proposer"),
                reader.cachedFrom(runId));
    }
}
