/**
 * GEPA for LangChain4j AI Services: {@link dev.gepa4j.langchain4j.AiServiceOptimizer} optimizes a service's system
 * message and user-message template on examples and a metric, in-process, and returns an
 * {@link dev.gepa4j.langchain4j.OptimizedAiService}; {@link dev.gepa4j.langchain4j.ChatModelProposer} reflects with a
 * LangChain4j chat model. See {@link dev.gepa4j.langchain4j.AiServiceOptimizer} for a complete example.
 *
 * <p>May import: {@code dev.gepa4j.api}, the core, the runtime's LLM proposer, the container SDK's trace events,
 * LangChain4j and {@code java.*}.
 */
package dev.gepa4j.langchain4j;
