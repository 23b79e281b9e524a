package dev.gepa4j.runtime.container;

import java.time.Duration;
import java.util.Objects;

/**
 * How rollouts are submitted and, in async mode, polled.
 *
 * @param mode            sync, async, or auto (follow the container's {@code /metadata})
 * @param pollInterval    async: the pause between two polls of one rollout
 * @param asyncTimeout    async: how long a submitted rollout may take before it is terminated and counted as a
 *                        retriable failure. The rollout queue's per-rollout timeout must be this long in async mode
 *                        (the client waits until the request's own timeout)
 * @param exchangeTimeout async: how long one HTTP exchange (the submission, one poll, a terminate) may take
 */
public record RolloutSubmission(SubmissionMode mode, Duration pollInterval, Duration asyncTimeout,
                                Duration exchangeTimeout) {
    /** The default pause between polls: 250 ms. */
    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofMillis(250);
    /** The default async deadline: 600 s. */
    public static final Duration DEFAULT_ASYNC_TIMEOUT = Duration.ofSeconds(600);

    public RolloutSubmission {
        Objects.requireNonNull(mode, "mode");
        if (pollInterval.toMillis() < 1 || asyncTimeout.toMillis() < 1 || exchangeTimeout.toMillis() < 1) {
            throw new IllegalArgumentException("the poll interval, async timeout and exchange timeout must be "
                    + "positive, were " + pollInterval + ", " + asyncTimeout + " and " + exchangeTimeout);
        }
    }

    /** Auto mode, 250 ms between polls, 600 s per async rollout, 60 s per exchange. */
    public static RolloutSubmission defaults() {
        return new RolloutSubmission(SubmissionMode.AUTO, DEFAULT_POLL_INTERVAL, DEFAULT_ASYNC_TIMEOUT,
                Duration.ofSeconds(60));
    }

    public RolloutSubmission withMode(SubmissionMode m) {
        return new RolloutSubmission(m, pollInterval, asyncTimeout, exchangeTimeout);
    }

    @Override
    public String toString() {
        return mode.label() + " (poll every " + pollInterval.toMillis() + " ms, async timeout "
                + asyncTimeout.toSeconds() + " s)";
    }
}
