/**
 * Limits every proposer's output must meet before anything of it is stored or tried:
 * {@link dev.gepa4j.runtime.guard.GuardedProposer} caps the size of each proposed field and keeps known secret
 * values out of drafts, prompts, answers and messages.
 *
 * <p>May import: {@code dev.gepa4j.core.*} and the JDK.
 */
package dev.gepa4j.runtime.guard;
