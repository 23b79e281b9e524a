package dev.gepa4j.core.rollout;

import dev.gepa4j.core.retry.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * How often and how patiently a rollout is retried after a retriable container failure.
 *
 * <p>The delay before attempt {@code n+1} is {@link Backoff#equalJitter} exponential backoff (half of
 * {@code min(maxDelay, baseDelay * 2^(n-1))} plus a random share of the other half), so retries of many jobs that
 * failed together spread out; the caller passes the generator, seeded where a run must replay. A server's
 * Retry-After wins when it asks for longer (capped at {@code maxRetryAfter}, so a confused server cannot park the
 * run for an hour). The reflection-model client uses the same policy.
 *
 * @param maxAttempts   attempts per logical rollout, including the first (1 = never retry)
 * @param baseDelay     backoff before the second attempt, before jitter
 * @param maxDelay      the most the exponential backoff grows to
 * @param maxRetryAfter the most a Retry-After header is honoured for
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be >= 1 (1 = no retries), was " + maxAttempts);
        }
        if (baseDelay.isNegative() || maxDelay.isNegative() || maxRetryAfter.isNegative()) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException("maxDelay " + maxDelay + " is shorter than baseDelay " + baseDelay);
        }
    }

    /**
     * The rollout retry policy of real runs, also used by the benchmarks so they measure what runs do: 4 attempts
     * (the CLI's {@code [rollout] retries} default of 3 comes from here), 200 ms doubling to 10 s, Retry-After
     * honoured up to 60 s.
     */
    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(200), Duration.ofSeconds(10), Duration.ofSeconds(60));
    }

    /** The same delays with another attempt count ({@code [rollout] retries + 1}). */
    public RetryPolicy withMaxAttempts(int attempts) {
        return new RetryPolicy(attempts, baseDelay, maxDelay, maxRetryAfter);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The pause before the next attempt.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @param retryAfter    what the container asked for, if anything
     */
    public Duration delayAfter(int failedAttempt, Optional<Duration> retryAfter, RandomGenerator jitter) {
        long backoff = Backoff.equalJitter(baseDelay, maxDelay, failedAttempt, jitter).toMillis();
        long asked = retryAfter.map(d -> Math.min(d.toMillis(), maxRetryAfter.toMillis())).orElse(0L);
        return Duration.ofMillis(Math.max(backoff, asked));
    }
}
