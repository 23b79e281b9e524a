/**
 * TEST DOUBLE scripts for the built-in GSM8K containers' policy calls ({@code gsm8k-react}: a calculator-using agent
 * over OpenAI {@code tool_calls}; {@code gsm8k-debate}: a solver and a critic). Each script plays a small model that
 * knows GSM8K's worked solutions and makes prompt-dependent, documented mistakes, so an optimization run against the
 * test double has something to improve. Deterministic and stateless; never a model.
 *
 * <p>May import: {@code dev.gepa4j.testkit.llm}, Jackson, the JDK.
 */
package dev.gepa4j.testkit.llm.gsm8k;
