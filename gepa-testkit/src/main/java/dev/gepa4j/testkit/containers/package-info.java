/**
 * Containers for tests: {@link dev.gepa4j.testkit.containers.CarryArithmeticTask}, a small conformant task served
 * through the SDK; {@link dev.gepa4j.testkit.containers.RouterClassifierTask}, a two-field pipeline (router, then
 * classifier) that tags its trace steps and feedback with the field at fault; {@link dev.gepa4j.testkit.containers.ViolatingContainer}, which follows the contract except for
 * one chosen {@link dev.gepa4j.testkit.containers.Violation}; and
 * {@link dev.gepa4j.testkit.containers.ScriptedStatusContainer}, whose only route, rollout, answers a chosen HTTP status,
 * for testing how clients type failures. All bind 127.0.0.1 on a free port.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.contract.*}, {@code dev.gepa4j.sdk}, Javalin,
 * Jackson and {@code java.*}.
 */
package dev.gepa4j.testkit.containers;
