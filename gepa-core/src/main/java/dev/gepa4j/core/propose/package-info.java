/**
 * Turning parents and their failures into new candidates: the {@link dev.gepa4j.core.propose.Proposer} interface,
 * the {@link dev.gepa4j.core.propose.ProposalPacket} every proposer consumes, and the outcome it returns.
 *
 * <p>Implementations: the merge proposer lives here (it needs no outside world); the reflective LLM and coding-agent
 * proposers live in gepa-runtime, the offline proposer beside the built-in tasks. May import: {@code model}, {@code merge}.
 */
package dev.gepa4j.core.propose;
