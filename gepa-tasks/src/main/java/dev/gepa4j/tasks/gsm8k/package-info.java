/**
 * What the built-in GSM8K containers share: the bundled GSM8K test file (OpenAI, MIT licence) and its fixed
 * train/test splits ({@link dev.gepa4j.tasks.gsm8k.Gsm8kDataset}, {@link dev.gepa4j.tasks.gsm8k.Gsm8kRows}), and how a
 * reply's final answer is read and compared with the gold number ({@link dev.gepa4j.tasks.gsm8k.FinalAnswer}).
 * The task shapes live in {@code gsm8k.react} (a ReAct agent with a calculator) and {@code gsm8k.debate} (a solver
 * and a critic).
 *
 * <p>May import: the container SDK, the core model, Jackson. Used by the task packages, never the reverse.
 */
package dev.gepa4j.tasks.gsm8k;
