package dev.gepa4j.core.container;

import java.time.Duration;
import java.util.Optional;

/**
 * A failure a later attempt may not have: connection refused or reset, a timeout, or HTTP 408, 425, 429, 5xx or
 * 529. Carries the container's Retry-After when it gave one.
 */
public final class RetriableContainerException extends ContainerException {
    private final Duration retryAfter;

    public RetriableContainerException(String endpoint, int httpStatus, String message, Duration retryAfter,
                                       Throwable cause) {
        super(endpoint, httpStatus, message, cause);
        this.retryAfter = retryAfter;
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
