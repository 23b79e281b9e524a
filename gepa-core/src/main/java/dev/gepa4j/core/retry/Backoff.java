package dev.gepa4j.core.retry;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * "Equal jitter" exponential backoff: before attempt {@code n+1} wait half of
 * {@code min(max, base * 2^(n-1))} plus a random share of the other half, so callers that failed together do not
 * retry together. The randomness comes from the caller's generator: pass a seeded one where a run must replay.
 */
public final class Backoff {
    private Backoff() {
    }

    /**
     * The pause after {@code failedAttempt} (from 1) failed.
     *
     * @param base   ceiling of the first pause
     * @param max    the most the ceiling grows to
     * @param jitter source of the random share; its state advances by one draw (none when the ceiling is below 2 ms)
     * @return a pause in {@code [ceiling/2, ceiling]}
     */
    public static Duration equalJitter(Duration base, Duration max, int failedAttempt, RandomGenerator jitter) {
        long capMillis = max.toMillis();
        long exp = base.toMillis() << Math.min(30, Math.max(0, failedAttempt - 1));
        long ceiling = Math.min(capMillis, exp < 0 ? capMillis : exp);
        long half = ceiling / 2;
        long spread = ceiling - half;
        return Duration.ofMillis(half + (spread == 0 ? 0 : jitter.nextLong(spread + 1)));
    }
}
