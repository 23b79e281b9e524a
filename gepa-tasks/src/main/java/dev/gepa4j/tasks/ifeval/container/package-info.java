/**
 * The built-in {@code ifeval-pipeline} task container: a two-stage pipeline on IFEval prompts served through the
 * container SDK. Stage one ({@code draft_prompt}) drafts an answer to the request; stage two ({@code revise_prompt})
 * revises the draft against the request's instructions; both candidate fields are mutable. The policy is any
 * OpenAI-compatible chat model, chosen per rollout by {@link dev.gepa4j.tasks.chat.PolicyModels}. The reward is the
 * fraction of checked instructions the revised answer follows; the trace holds each stage's input, output and
 * verdict, tagged with the field that shaped it.
 *
 * <p>May import: {@code dev.gepa4j.tasks.ifeval}, {@code dev.gepa4j.tasks.chat}, the container SDK, the core model,
 * LangChain4j's chat API.
 */
package dev.gepa4j.tasks.ifeval.container;
