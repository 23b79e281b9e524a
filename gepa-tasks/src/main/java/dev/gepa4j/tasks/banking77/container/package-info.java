/**
 * The built-in Banking77 task container: {@link dev.gepa4j.tasks.banking77.container.Banking77TaskHandler} serves
 * the data set, the one-module prompt program and rollouts through the container SDK, with the embedded policy
 * (offline, deterministic) or an OpenAI-compatible chat model as the policy.
 *
 * <p>May import: {@code dev.gepa4j.tasks.banking77}, the container SDK, the core model, LangChain4j's OpenAI module.
 */
package dev.gepa4j.tasks.banking77.container;
