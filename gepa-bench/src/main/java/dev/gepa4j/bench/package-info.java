/**
 * Benchmark programs that print figures (never asserted by tests), run as {@code gepa bench fanout} and
 * {@code gepa bench overlap}: {@link dev.gepa4j.bench.FanoutBenchmark} pushes rollouts through the real queue, cache
 * and sqlite workspace to a {@link dev.gepa4j.bench.LatencyContainer}; {@link dev.gepa4j.bench.OverlapBenchmark}
 * runs serial and overlapped mode at equal budget on the synthetic task. Both use the runtime's own policies (e.g.
 * {@link dev.gepa4j.core.rollout.RetryPolicy#defaults()}), so they measure what real runs do. This module exists so
 * the runtime's jar ships no benchmark code.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.runtime.container}, {@code
 * dev.gepa4j.runtime.workspace}, {@code dev.gepa4j.testkit.synthetic}, Jetty's core server API
 * ({@code org.eclipse.jetty.*}).
 */
package dev.gepa4j.bench;
