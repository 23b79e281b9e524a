package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.IterationOutcome.ProposerFailed;
import dev.gepa4j.core.engine.RunEvent.ProposalFailed;
import dev.gepa4j.core.engine.RunEvent.ProposalRecorded;
import dev.gepa4j.core.engine.RunEvent.UsageRecorded;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.CandidateIds;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.propose.RejectedAttempt;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

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
     * The diff is read outside the state lock: a candidate joins the frontier only after the workspace has it.
     */
    PacketBuilder.Context context(Candidate parent, boolean withRejected) {
        Double parentMean;
        String summary;
        List<RejectedAttempt> rejected;
        synchronized (state) {
            rejected = withRejected ? state.rejectedAttempts(parent.id()) : List.of();
            parentMean = state.frontier.trainMean(parent.id());
            summary = state.frontier.summary(5);
        }
        return new PacketBuilder.Context(fields, parts.recorder().diffOf(parent.id()), parentMean, summary,
                parts.taskInfo(), rejected, config.successesShown());
    }

    /**
     * Proposal {@code at.seq}'s first draft as an unregistered child (index = frontier size now, origin
     * {@code merge} for two parents, else {@code mutation:<kind>}); empty with {@code at.outcome} set when the
     * iteration ends here.
     */
    Optional<Candidate> child(Attempt at, Proposer proposer, ProposalPacket packet, List<String> parentIds) {
        ProposalSource.Obtained got = proposals.obtain(at.seq, proposer, packet, parentIds);
        synchronized (state) {
            state.proposerUsage = state.proposerUsage.plus(got.outcome().usage());
        }
        events.emit(new ProposalRecorded(at.seq, got.proposerKind(), parentIds, got.outcome().drafts().size(),
                got.outcome().error()));
        events.emit(new UsageRecorded("proposer", "proposal:" + at.seq, got.outcome().usage()));
        String problem = got.outcome().drafts().isEmpty() ? Objects.requireNonNullElse(got.outcome().error(), "no draft")
                : DraftCheck.problem(got.outcome().drafts().get(0), fields);
        if (problem != null) {
            events.emit(new ProposalFailed(at.seq, problem));
            at.outcome = new ProposerFailed(at.seq, problem);
            return Optional.empty();
        }
        Map<String, String> draft = got.outcome().drafts().get(0);
        String id = CandidateIds.of(draft);
        int existing;
        synchronized (state) {
            if (!state.frontier.contains(id)) {
                String origin = parentIds.size() > 1 ? "merge" : "mutation:" + got.proposerKind();
                return Optional.of(Candidate.of(state.frontier.size(), draft, parentIds, origin));
            }
            existing = state.frontier.candidate(id).index();
        }
        at.outcome = decisions.duplicate(at.seq, id, existing, parentIds.get(0));
        return Optional.empty();
    }
}
