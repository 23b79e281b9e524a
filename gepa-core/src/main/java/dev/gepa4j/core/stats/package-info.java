/**
 * Paired statistics for reporting a lift honestly: the best candidate against the seed on the same rows.
 * {@link dev.gepa4j.core.stats.PairedComparison} picks the method from the rewards (exact McNemar for 0/1 rewards,
 * a paired bootstrap with a fixed seed otherwise) and returns a {@link dev.gepa4j.core.stats.PairedLift}: both
 * means, the lift, a 95% interval for it and a two-sided p-value. Pure functions of their input; JDK only.
 */
package dev.gepa4j.core.stats;
