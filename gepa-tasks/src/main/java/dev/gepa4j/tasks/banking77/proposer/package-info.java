/**
 * The offline proposer: reflection without a language model or network, for the Banking77 demo. It reads the
 * verifier's feedback of each failure and edits the prompt in the dialect the embedded policy understands.
 *
 * <p>May import: {@code dev.gepa4j.tasks.banking77}, {@code dev.gepa4j.core.propose}, {@code dev.gepa4j.core.model}.
 */
package dev.gepa4j.tasks.banking77.proposer;
