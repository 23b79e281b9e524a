package dev.gepa4j.core.propose;

/**
 * Makes candidate drafts from a {@link ProposalPacket}.
 *
 * <p>Contract: every draft is a full payload: all of {@link ProposalPacket#mutableFields()}, with only
 * {@link ProposalPacket#fieldsToUpdate()} changed (merges may take fields from either parent). Output the proposer
 * cannot use (truncated, empty, unparsable, identical to the parent) is returned as
 * {@link ProposalOutcome#rejected} with the reason, never thrown. The method throws only when the proposer itself
 * cannot work (for example a model endpoint that keeps failing after its retries); such an exception says whether
 * a retry can help via {@link ProposerUnavailableException#retriable()}.
 */
public interface Proposer {

    /** Short kind name recorded with each proposal: {@code offline}, {@code llm}, {@code agent}, {@code merge}. */
    String kind();

    ProposalOutcome propose(ProposalPacket packet);
}
