/**
 * The {@code gsm8k-react} built-in container: a ReAct agent on GSM8K that may call a {@code calculator} tool over the
 * OpenAI tools wire format ({@link dev.gepa4j.tasks.gsm8k.react.ReactLoop}), judged by exact numeric match with
 * feedback on how the tool was used ({@link dev.gepa4j.tasks.gsm8k.react.ReactJudge}), served by
 * {@link dev.gepa4j.tasks.gsm8k.react.ReactTaskHandler}. Fields: {@code system_prompt} and {@code tool_guide}.
 *
 * <p>May import: {@code dev.gepa4j.tasks.gsm8k}, {@code dev.gepa4j.tasks.calculator}, {@code dev.gepa4j.tasks.chat},
 * the container SDK, the core model, LangChain4j, Jackson.
 */
package dev.gepa4j.tasks.gsm8k.react;
