/**
 * A test double for hosted LLMs: {@link dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer}, a real HTTP server on
 * 127.0.0.1 that speaks the OpenAI chat-completions wire format ({@code POST /v1/chat/completions}) and the Anthropic
 * messages format ({@code POST /v1/messages}), answers from a per-test script of {@link
 * dev.gepa4j.testkit.llm.ScriptedReply}s, and records every request. Also runnable as a program, so a real
 * {@code gepa run} can use it as its reflection model.
 *
 * <p>It is a stand-in for a hosted model and nothing else: it never calls out. May import: Javalin, Jackson, the JDK.
 */
package dev.gepa4j.testkit.llm;
