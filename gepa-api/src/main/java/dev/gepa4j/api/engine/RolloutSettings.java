package dev.gepa4j.api.engine;

import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import java.time.Duration;
import java.util.Objects;

/**
 * How a run's rollout queue sends rollouts: the {@code [rollout]} and {@code [container] timeout_seconds} settings of
 * the config file, as values.
 *
 * @param cache           whether finished rollouts of earlier runs in the workspace are reused
 * @param timeout         how long one rollout attempt may take
 * @param retries         extra attempts after a retriable failure
 * @param concurrency     how many rollouts run at once (fixed, or adaptive between bounds)
 * @param reconnectWindow how long an unreachable endpoint is waited for before the run fails
 * @param resendFailed    how many more times a rollout that ended in error after its retries is sent again
 */
public record RolloutSettings(CacheMode cache, Duration timeout, int retries, ConcurrencyLimits concurrency,
                              Duration reconnectWindow, int resendFailed) {
    public RolloutSettings {
        Objects.requireNonNull(cache, "cache");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(concurrency, "concurrency");
        Objects.requireNonNull(reconnectWindow, "reconnectWindow");
        if (retries < 0 || resendFailed < 0) {
            throw new IllegalArgumentException("retries and resendFailed must be 0 or more, were " + retries + " and "
                    + resendFailed);
        }
    }
}
