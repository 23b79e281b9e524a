package dev.gepa4j.core.container;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure a later attempt may not have: connection refused or reset, a timeout, or HTTP 408, 425, 429, 5xx or
 * 529. Carries the container's Retry-After when it gave one.
 */
public final class RetriableContainerException extends ContainerException {
    private final Duration retryAfter;
    private final boolean unreachable;

    public RetriableContainerException(String endpoint, int httpStatus, String message, Duration retryAfter,
                                       Throwable cause) {
        this(endpoint, httpStatus, message, retryAfter, cause, false);
    }

    private RetriableContainerException(String endpoint, int httpStatus, String message, Duration retryAfter,
                                        Throwable cause, boolean unreachable) {
        super(endpoint, httpStatus, message, cause);
        this.retryAfter = retryAfter;
        this.unreachable = unreachable;
    }

    /**
     * No connection could be made, or the connection dropped before an answer: the container is down or restarting
     * (not slow: a timeout is not this). The rollout queue waits such failures out for longer than other ones.
     */
    public static RetriableContainerException unreachable(String endpoint, String message, Throwable cause) {
        return new RetriableContainerException(endpoint, 0, message, null, cause, true);
    }

    /** True when the container could not be reached at all (see {@link #unreachable(String, String, Throwable)}). */
    public boolean isUnreachable() {
        return unreachable;
    }

    @Override
    public boolean retriable() {
        return true;
    }

    @Override
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
