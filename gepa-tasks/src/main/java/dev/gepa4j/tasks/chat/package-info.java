/**
 * The policy chat model of the built-in task containers that call an OpenAI-compatible model (OpenAI, vLLM,
 * Ollama, LM Studio, OpenRouter). {@link dev.gepa4j.tasks.chat.PolicyModels} picks the model for a rollout from its
 * {@link dev.gepa4j.core.model.PolicySpec} or, when that names none, from the container's environment
 * ({@code OPENAI_BASE_URL}, {@code GEPA_POLICY_MODEL}, {@code OPENAI_API_KEY}); every failure to configure or reach
 * the model becomes a {@link dev.gepa4j.tasks.chat.PolicyModelException} whose message says what to set, which the
 * container SDK reports as a failed rollout. Keys are read from the environment only and never appear in messages.
 *
 * <p>May import: the core model, LangChain4j's core and OpenAI modules. Used by the task packages, never the reverse.
 */
package dev.gepa4j.tasks.chat;
