package dev.gepa4j.core.workspace;

import dev.gepa4j.core.rollout.RolloutJournal;
import java.util.Optional;

/**
 * Writes one run. Every write is one committed transaction when the method returns. Thread-safe.
 *
 * <p>Writes are idempotent where a resumed run replays them: registering a known candidate, recording an event with
 * a known seq, recording a proposal with a known seq, recording a decision with a known (proposal seq, candidate,
 * stage) — the first record wins.
 */
public interface RunRecorder extends RolloutJournal {

    RunInfo info();

    /**
     * Registers a candidate; the workspace computes and stores each field's diff against the first parent. A second
     * registration of the same id is ignored.
     */
    void registerCandidate(dev.gepa4j.core.model.Candidate candidate);

    /** The stored diff per changed field of a registered candidate against its first parent. */
    java.util.Map<String, String> diffOf(String candidateId);

    void recordProposal(ProposalRecord proposal);

    /** A proposal recorded earlier under this seq (a resumed run replays it instead of calling the proposer). */
    Optional<ProposalRecord> proposal(int seq);

    void recordDecision(DecisionRecord decision);

    void recordEvent(EventRecord event);

    void recordUsage(UsageEntry entry);

    /** Marks the run finished or stopped, with the reason. */
    void finish(RunStatus status, String stopReason);
}
