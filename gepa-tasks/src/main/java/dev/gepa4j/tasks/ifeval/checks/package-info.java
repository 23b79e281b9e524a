/**
 * Deterministic rule checkers for IFEval's verifiable instructions, written in Java from the instruction
 * definitions: one {@link dev.gepa4j.tasks.ifeval.checks.InstructionChecker} per instruction id (such as
 * {@code punctuation:no_comma}), each answering whether a response followed the instruction and what it measured
 * ("asked for at least 300 words, got 212"). {@link dev.gepa4j.tasks.ifeval.checks.InstructionCheckers} is the
 * registry; an id it does not hold is "not checked".
 *
 * <p>Pure functions of (response, parameters): no I/O, no models, thread-safe. May import: the JDK and Jackson
 * (for the JSON-format check) only.
 */
package dev.gepa4j.tasks.ifeval.checks;
