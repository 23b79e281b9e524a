package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.IterationOutcome.ProposerFailed;
import dev.gepa4j.core.engine.RunEvent.ProposalFailed;
import dev.gepa4j.core.engine.RunEvent.ProposalRecorded;
import dev.gepa4j.core.engine.RunEvent.UsageRecorded;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.CandidateIds;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The propose step: what a proposer is shown besides the parent's results ({@link #context}), and turning its answer
 * (or the recorded answer, when resuming) into a child candidate ({@link #child}).
 *
 * <p>Only the first draft is used. A draft that breaks the proposer contract, or equals a registered candidate, ends
 * the iteration as data ({@link IterationOutcome.ProposerFailed}, {@link IterationOutcome.Duplicate}); a proposer
 * that throws ends it by exception. Workspace reads and writes happen outside the state lock.
 */
final class ProposalStep {
    private final LoopConfig config;
    private final LoopParts parts;
    private final List<String> fields;
    private final LoopState state;
    private final EventLog events;
    private final ProposalSource proposals;
    private final Decisions decisions;

    ProposalStep(LoopConfig config, LoopParts parts, List<String> fields, LoopState state, EventLog events,
                 ProposalSource proposals, Decisions decisions) {
        this.config = config;
        this.parts = parts;
        this.fields = fields;
        this.state = state;
        this.events = events;
        this.proposals = proposals;
        this.decisions = decisions;
    }

    /**
     * The parent's diff, train mean, the frontier summary and, when asked, the parent's earlier rejected children.
     * The diff is read outside the state's lock: a candidate joins the frontier only after the workspace has it.
     */
    PacketBuilder.Context context(Candidate parent, boolean withRejected) {
        LoopState.ParentContext seen = state.parentContext(parent.id(), withRejected);
        return new PacketBuilder.Context(fields, parts.recorder().diffOf(parent.id()), seen.parentMean(),
                seen.frontierSummary(), parts.taskInfo(), seen.rejected(), config.successesShown());
    }

    /**
     * Proposal {@code at.seq}'s first draft as an unregistered {@link Drafted.Child child} (index = frontier size now,
     * origin {@code merge} for two parents, else {@code mutation:<kind>}), or {@link Drafted.Ended} with the
     * iteration's outcome when the draft breaks the proposer contract or equals a registered candidate.
     */
    Drafted child(Attempt at, Proposer proposer, ProposalPacket packet, List<String> parentIds) {
        ProposalSource.Obtained got = proposals.obtain(at.seq, proposer, packet, parentIds);
        state.addProposerUsage(got.outcome().usage());
        events.emit(new ProposalRecorded(at.seq, got.proposerKind(), parentIds, got.outcome().drafts().size(),
                got.outcome().error()));
        events.emit(new UsageRecorded("proposer", "proposal:" + at.seq, got.outcome().usage()));
        String problem = got.outcome().drafts().isEmpty() ? Objects.requireNonNullElse(got.outcome().error(), "no draft")
                : DraftCheck.problem(got.outcome().drafts().get(0), fields);
        if (problem != null) {
            events.emit(new ProposalFailed(at.seq, problem));
            return new Drafted.Ended(new ProposerFailed(at.seq, problem));
        }
        Map<String, String> draft = got.outcome().drafts().get(0);
        String id = CandidateIds.of(draft);
        LoopState.Slot slot = state.slot(id);
        if (!slot.registered()) {
            String origin = parentIds.size() > 1 ? "merge" : "mutation:" + got.proposerKind();
            return new Drafted.Child(Candidate.of(slot.index(), draft, parentIds, origin));
        }
        return new Drafted.Ended(decisions.duplicate(at.seq, id, slot.index(), parentIds.get(0)));
    }
}
