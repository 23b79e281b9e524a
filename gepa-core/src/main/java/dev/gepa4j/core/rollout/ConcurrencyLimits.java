package dev.gepa4j.core.rollout;

/**
 * Bounds of the adaptive concurrency limit (additive increase, multiplicative decrease).
 *
 * @param initial              limit at start
 * @param min                  the limit never drops below this
 * @param max                  the limit never grows beyond this
 * @param successesPerIncrease consecutive successes that raise the limit by one
 * @param decreaseFactor       the limit is multiplied by this on an overload signal ({@code 0 < f < 1})
 */
public record ConcurrencyLimits(int initial, int min, int max, int successesPerIncrease, double decreaseFactor) {
    public ConcurrencyLimits {
        if (min < 1 || max < min || initial < min || initial > max) {
            throw new IllegalArgumentException("concurrency needs 1 <= min <= initial <= max, got min=" + min
                    + " initial=" + initial + " max=" + max);
        }
        if (successesPerIncrease < 1) {
            throw new IllegalArgumentException("successesPerIncrease must be >= 1, was " + successesPerIncrease);
        }
        if (!(decreaseFactor > 0 && decreaseFactor < 1)) {
            throw new IllegalArgumentException("decreaseFactor must be in (0,1), was " + decreaseFactor);
        }
    }

    /** A fixed limit (benchmarks, serial mode with 1). */
    public static ConcurrencyLimits fixed(int limit) {
        return new ConcurrencyLimits(limit, limit, limit, 1, 0.5);
    }

    /** Start at {@code initial}, adapt between 1 and {@code max}: +1 per 10 successes, x0.75 on overload. */
    public static ConcurrencyLimits adaptive(int initial, int max) {
        return new ConcurrencyLimits(initial, 1, max, 10, 0.75);
    }
}
