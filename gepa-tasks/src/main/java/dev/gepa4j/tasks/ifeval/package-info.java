/**
 * IFEval (Google Research, Apache-2.0; see {@code data/README.md} next to the bundled file): the prompts, their
 * verifiable instructions, the deterministic splits, and {@link dev.gepa4j.tasks.ifeval.IfevalVerifier}, which judges a
 * response with the Java checkers of {@link dev.gepa4j.tasks.ifeval.checks}.
 *
 * <p>May import: {@code dev.gepa4j.tasks.ifeval.checks}, Jackson. The container lives in
 * {@code dev.gepa4j.tasks.ifeval.container}.
 */
package dev.gepa4j.tasks.ifeval;
