package dev.gepa4j.core.container;

import dev.gepa4j.core.error.GepaException;
import java.time.Duration;
import java.util.Optional;

/**
 * Talking to a task container failed. The message names the endpoint, the route and what to do; the original
 * cause is kept. Subclasses say whether a retry can help.
 */
public abstract sealed class ContainerException extends GepaException
        permits RetriableContainerException, NonRetriableContainerException {

    private final String endpoint;
    private final int httpStatus;

    protected ContainerException(String endpoint, int httpStatus, String message, Throwable cause) {
        super(FAILED, message, cause);
        this.endpoint = endpoint;
        this.httpStatus = httpStatus;
    }

    /** Whether a later attempt may succeed. */
    public abstract boolean retriable();

    /** How long the container asked us to wait (Retry-After), if it said. */
    public Optional<Duration> retryAfter() {
        return Optional.empty();
    }

    /** The endpoint that failed. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status, or 0 when no response arrived (connect error, timeout). */
    public int httpStatus() {
        return httpStatus;
    }

    /** True for statuses and failures that signal overload (408/425/429/5xx/529 and timeouts). */
    public boolean signalsOverload() {
        return retriable();
    }
}
