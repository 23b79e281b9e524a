/**
 * The reflective LLM proposer: {@link dev.gepa4j.runtime.llm.ReflectiveLlmProposer} renders a meta-prompt from a
 * proposal packet, asks a chat model through the {@link dev.gepa4j.runtime.llm.ChatClient} seam (LangChain4j
 * underneath: OpenAI or any OpenAI-compatible base URL, and Anthropic), and turns the fenced answer (full rewrites or
 * bounded SEARCH/REPLACE edits) into drafts, rejecting truncated, empty, unfenced, unparsable and duplicate answers
 * as data. Every call is bounded ({@code ModelHttpClient}): one deadline for the whole answer, a cap on its size,
 * and a 2xx body that is not a completion rejects one proposal instead of passing for a network error; retries
 * ({@code RetryingChatClient}) stop at an attempt count or a waiting budget.
 *
 * <p>API keys are read from the environment variable the settings name, at construction, and handed only to the
 * LangChain4j model; they never appear in settings, prompts, recorded input, logs or exceptions.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.usage}, {@code dev.gepa4j.runtime.reflection}
 * (what one field's prompt shows of each example), {@code dev.langchain4j.*}, Jackson and the JDK.
 */
package dev.gepa4j.runtime.llm;
