/**
 * {@code gepa check}: contract conformance of any container, route by route
 * ({@link dev.gepa4j.runtime.check.ConformanceCheck}). Each step is a {@link dev.gepa4j.runtime.check.CheckResult};
 * the run stops at the first violation, because later routes depend on earlier ones (rows need the dataset,
 * rollouts need the program's seed candidate).
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.contract.*}, {@code java.net.http}, {@code java.*}.
 */
package dev.gepa4j.runtime.check;
