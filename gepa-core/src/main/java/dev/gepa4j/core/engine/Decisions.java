package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.IterationOutcome.Duplicate;
import dev.gepa4j.core.engine.IterationOutcome.Rejected;
import dev.gepa4j.core.engine.IterationOutcome.Skipped;
import dev.gepa4j.core.engine.RunEvent.CandidateRejected;
import dev.gepa4j.core.engine.RunEvent.DuplicateSkipped;
import dev.gepa4j.core.engine.RunEvent.IterationSkipped;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import java.time.Clock;

/**
 * Writes the loop's judgements to the workspace's decision table and ends iterations that do not register a
 * candidate: each method records what it must, emits its event and returns the {@link IterationOutcome}.
 *
 * <p>Never called under the state's lock: decisions and events are workspace writes, and a lane waiting on a commit
 * must not hold up the others. Only the rejected-attempt memory is kept in the state.
 */
final class Decisions {
    private final RunRecorder recorder;
    private final Clock clock;
    private final LoopState state;
    private final EventLog events;
    private final int rejectedAttemptsShown;

    Decisions(RunRecorder recorder, Clock clock, LoopState state, EventLog events, int rejectedAttemptsShown) {
        this.recorder = recorder;
        this.clock = clock;
        this.state = state;
        this.events = events;
        this.rejectedAttemptsShown = rejectedAttemptsShown;
    }

    /** One decision row: the child against the parent at a stage (scores null when not measured). */
    void decide(int seq, Candidate child, Candidate parent, String stage, boolean ok, String reason, Double parentScore,
                Double childScore) {
        recorder.recordDecision(new DecisionRecord(seq, child.id(), parent.id(), stage, ok, reason, parentScore,
                childScore, clock.instant()));
    }

    /**
     * The child is not registered. The gate stages ({@code minibatch}, {@code merge_sample}) have recorded their
     * decision already; any other stage records it here. The parent remembers the attempt for its next packet.
     */
    IterationOutcome reject(int seq, Candidate child, Candidate parent, String stage, String reason, Double parentScore,
                            Double childScore, int childMeasured, int size) {
        if (!stage.equals("minibatch") && !stage.equals("merge_sample")) {
            decide(seq, child, parent, stage, false, reason, parentScore, childScore);
        }
        state.noteRejected(parent.id(), child.components(), reason, rejectedAttemptsShown);
        events.emit(new CandidateRejected(seq, child.id(), parent.id(), stage, reason, parentScore, childScore,
                childMeasured, size));
        return new Rejected(seq, child.id(), stage, reason);
    }

    /** A draft equal to registered candidate {@code #existingIndex}: skipped at no cost. */
    IterationOutcome duplicate(int seq, String id, int existingIndex, String parentId) {
        return duplicate(seq, id, existingIndex, parentId, "identical to candidate #" + existingIndex);
    }

    /** As {@link #duplicate(int, String, int, String)}, with the reason spelled out by the caller. */
    IterationOutcome duplicate(int seq, String id, int existingIndex, String parentId, String reason) {
        recorder.recordDecision(new DecisionRecord(seq, id, parentId, "duplicate", false, reason, null, null,
                clock.instant()));
        events.emit(new DuplicateSkipped(seq, id, existingIndex));
        return new Duplicate(seq, id, existingIndex);
    }

    /** Nothing to propose from this parent (before any proposal seq is taken, so seq 0). */
    IterationOutcome skip(Candidate parent, String reason) {
        events.emit(new IterationSkipped(parent.id(), reason));
        return new Skipped(0, reason);
    }
}
