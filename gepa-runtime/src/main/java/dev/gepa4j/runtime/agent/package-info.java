/**
 * The coding-agent proposer: {@link dev.gepa4j.runtime.agent.CodingAgentProposer} prepares a proposal folder per
 * proposal (README, {@code state/} JSON, {@code proposal/manifest.json} and its schema), runs an external agent CLI
 * such as {@code codex exec} or {@code claude -p} there as a subprocess (stdin closed, its own session and process
 * group killed as a whole when it ends or times out, capped output, scrubbed environment), then validates the
 * manifest it wrote (files read capped, never through a link) and quarantines what it created outside its folder.
 * What is and is not confined: docs/security.md.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.usage}, {@code dev.gepa4j.runtime.reflection},
 * Jackson and the JDK.
 */
package dev.gepa4j.runtime.agent;
