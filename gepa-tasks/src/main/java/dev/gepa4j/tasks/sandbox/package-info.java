/**
 * A sandbox for running untrusted Python code (model-written solutions): {@link dev.gepa4j.tasks.sandbox.PythonSandbox}
 * runs each program in a fresh folder under wall-clock, CPU-time, memory, file-size and process limits, with an empty
 * environment, and, where the machine allows it, under an unprivileged user id of its own and without network.
 * {@link dev.gepa4j.tasks.sandbox.SandboxIsolation} says what the OS enforces here; docs/sandbox.md says what is
 * enforced where and what is not.
 *
 * <p>May import: the JDK and gepa-core's error type.
 */
package dev.gepa4j.tasks.sandbox;
