/**
 * Benchmarks that print figures (never asserted by tests): {@link dev.gepa4j.runtime.bench.FanoutBenchmark}, the
 * rollout fanout benchmark behind {@code gepa bench fanout}, and the latency container it measures against.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.container}, {@code
 * dev.gepa4j.runtime.workspace}, Jetty's core server API ({@code org.eclipse.jetty.*}).
 */
package dev.gepa4j.runtime.bench;
