/**
 * gepa4j as a library: {@link dev.gepa4j.api.Optimization} optimizes the text fields of a program in-process, on the
 * same engine as the {@code gepa} command, and returns an {@link dev.gepa4j.api.OptimizationResult}. A task is a
 * {@link dev.gepa4j.api.Task} function (candidate texts and an example in, an {@link dev.gepa4j.api.Evaluation}
 * out) or a container SDK {@link dev.gepa4j.sdk.TaskHandler}; {@link dev.gepa4j.api.LlmProposers} makes the
 * reflective LLM proposer. See {@link dev.gepa4j.api.Optimization} for a complete example.
 *
 * <p>May import: {@code dev.gepa4j.api.engine}, the core, the runtime, the container SDK and {@code java.*}.
 */
package dev.gepa4j.api;
