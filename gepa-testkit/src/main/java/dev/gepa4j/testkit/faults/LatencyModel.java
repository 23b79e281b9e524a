package dev.gepa4j.testkit.faults;

import java.util.SplittableRandom;

/**
 * Injected service time with a long tail and an exact mean: 95% of requests take uniform(0.5, 1.3) x mean, 5%
 * take uniform(2.0, 3.8) x mean (so the mean is 0.95 x 0.9 + 0.05 x 2.9 = 1.0 x mean and the slowest request
 * takes 3.8 x mean). Deterministic per arrival number.
 */
public record LatencyModel(double meanMillis, long seed) {
    public static final LatencyModel ZERO = new LatencyModel(0, 0);

    public LatencyModel {
        if (meanMillis < 0) {
            throw new IllegalArgumentException("mean latency must be >= 0 ms, was " + meanMillis);
        }
    }

    /** Service time of a request, in nanoseconds. */
    public long nanosFor(long arrival) {
        if (meanMillis == 0) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom(seed * 7_919 + arrival);
        double factor = r.nextDouble() < 0.95 ? 0.5 + 0.8 * r.nextDouble() : 2.0 + 1.8 * r.nextDouble();
        return (long) (factor * meanMillis * 1_000_000);
    }
}
