/**
 * The {@code gsm8k-debate} built-in container: a solver and a critic debate a GSM8K problem on the same chat model
 * ({@link dev.gepa4j.tasks.gsm8k.debate.DebateLoop}: ACCEPT or the round limit ends it), judged by exact numeric
 * match with feedback naming the agent that went wrong ({@link dev.gepa4j.tasks.gsm8k.debate.DebateJudge}), served
 * by {@link dev.gepa4j.tasks.gsm8k.debate.DebateTaskHandler}. Fields: {@code solver_prompt} and
 * {@code critic_prompt}.
 *
 * <p>May import: {@code dev.gepa4j.tasks.gsm8k}, {@code dev.gepa4j.tasks.chat}, the container SDK, the core model,
 * LangChain4j.
 */
package dev.gepa4j.tasks.gsm8k.debate;
