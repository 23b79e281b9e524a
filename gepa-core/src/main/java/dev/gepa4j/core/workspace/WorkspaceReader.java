package dev.gepa4j.core.workspace;

import dev.gepa4j.core.model.Usage;
import java.util.List;
import java.util.Optional;

/**
 * Read-only view of a workspace, for the console, the evidence writer and the CLI's listings. Lists are ordered:
 * runs by start time, candidates by index, rollouts and events by seq, proposals by seq, decisions by time.
 */
public interface WorkspaceReader {

    List<RunInfo> runs();

    Optional<RunInfo> run(String runId);

    List<CandidateRecord> candidates(String runId);

    /** Rollouts with seq greater than {@code afterSeq} (0 for all). */
    List<RolloutRecord> rollouts(String runId, long afterSeq);

    List<ProposalRecord> proposals(String runId);

    List<DecisionRecord> decisions(String runId);

    /** Events with seq greater than {@code afterSeq} (0 for all). */
    List<EventRecord> events(String runId, long afterSeq);

    /** Usage totals of a source ({@code policy}: the executed rollouts plus ledger lines; {@code proposer}) in a run. */
    Usage usage(String runId, String source);

    /**
     * How many of the run's cached rollouts were taken from each other run of the workspace (run id to count): what
     * another process or an earlier run executed and this run reused. Empty when the workspace does not record it.
     */
    default java.util.Map<String, Long> cachedFrom(String runId) {
        return java.util.Map.of();
    }
}
