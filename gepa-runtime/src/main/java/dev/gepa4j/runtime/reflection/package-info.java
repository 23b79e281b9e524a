/**
 * Component-scoped reflection evidence, shared by the proposers: what a proposer rewriting one candidate field is
 * shown of an example's trace and feedback.
 *
 * <p>{@link dev.gepa4j.runtime.reflection.TraceSteps} reads a stored trace ({@code trace.event_history[]}, each
 * step optionally tagged with the {@code module_id} of the field that shaped it).
 * {@link dev.gepa4j.runtime.reflection.FieldEvidence} keeps, for one field, the steps tagged with that field plus
 * the untagged ones (input, final answer, overall verdict) and that field's feedback
 * ({@code reward_info.details.feedback_by_module}); a container that tags nothing gets the whole trace. Every
 * excerpt is cut to a bound with an explicit {@code [... N chars cut]} marker ({@link dev.gepa4j.runtime.reflection.Cut});
 * the bounds are in {@link dev.gepa4j.runtime.reflection.ReflectionBounds}. User documentation: docs/reflection.md.
 *
 * <p>May import: {@code dev.gepa4j.core.model}, {@code dev.gepa4j.core.propose}, {@code dev.gepa4j.contract},
 * Jackson and {@code java.*}.
 */
package dev.gepa4j.runtime.reflection;
