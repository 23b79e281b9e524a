/**
 * {@code gepa check}: contract conformance of any container, route by route
 * ({@link dev.gepa4j.runtime.check.ConformanceCheck}). Each step is a {@link dev.gepa4j.runtime.check.CheckResult},
 * required or recommended ({@link dev.gepa4j.runtime.check.CheckLevel}); the run stops at the first failed required
 * check, because later routes depend on earlier ones (rows need the dataset, rollouts need the program's seed
 * candidate), while a failed recommended check is a warning. {@link dev.gepa4j.runtime.check.ConformanceReport}
 * gives the verdict, the exit code (with or without {@code --strict}) and the JSON report.
 *
 * <p>May import: {@code dev.gepa4j.core.*}, {@code dev.gepa4j.contract.*}, {@code dev.gepa4j.runtime.container}
 * (the HTTP client, key header and submission mode a run uses), Jackson, {@code java.*}.
 */
package dev.gepa4j.runtime.check;
