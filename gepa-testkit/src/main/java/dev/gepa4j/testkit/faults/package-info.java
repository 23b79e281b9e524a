/**
 * A real task container over HTTP on loopback that misbehaves on purpose: {@link
 * dev.gepa4j.testkit.faults.FaultyContainer} injects latency with a long tail, 503 bursts, 429 with Retry-After,
 * hangs past the client's timeout, malformed JSON and restarts (stop and start on the same port), following a
 * {@link dev.gepa4j.testkit.faults.FaultSchedule}, and counts on its own side the rollouts it really executed, so
 * tests can check that the optimizer's budget ledger equals the work done.
 *
 * <p>May import: {@code dev.gepa4j.core.model}, {@code dev.gepa4j.contract}, Javalin.
 */
package dev.gepa4j.testkit.faults;
