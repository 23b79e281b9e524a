/**
 * The built-in {@code humaneval-coder} task container: a chat model completes HumanEval functions and the verifier
 * runs each problem's tests with python3 in {@link dev.gepa4j.tasks.sandbox.PythonSandbox}. Two mutable fields,
 * {@code system_prompt} (the answer's form) and {@code coding_guidelines} (how the code is written); trace steps and
 * per-field verdicts carry the field as {@code module_id}. The data (OpenAI's HumanEval, MIT) ships as a resource
 * with its licence.
 *
 * <p>May import: the sandbox and chat packages of gepa-tasks, the container SDK, the core model, LangChain4j's chat
 * API, Jackson.
 */
package dev.gepa4j.tasks.humaneval;
