package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.error.GepaException;
import java.time.Duration;
import java.util.Optional;

/**
 * A call to the reflection model got no usable answer. Uses the same typing as task containers: connect errors,
 * timeouts and HTTP 408, 425, 429, 5xx and 529 are retriable; other statuses (400, 401, 403, 404, ...) are not.
 * The message never contains the API key; the cause is kept.
 */
public final class ModelCallException extends GepaException {
    private final int httpStatus;
    private final boolean retriable;
    private final Duration retryAfter;

    public ModelCallException(String message, int httpStatus, boolean retriable, Duration retryAfter, Throwable cause) {
        super(FAILED, message, cause);
        this.httpStatus = httpStatus;
        this.retriable = retriable;
        this.retryAfter = retryAfter;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public boolean retriable() {
        return retriable;
    }

    /** How long the endpoint asked us to wait, when it sent Retry-After. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** Whether an HTTP status means "try again later". */
    public static boolean isRetriableStatus(int status) {
        return status == 408 || status == 425 || status == 429 || status >= 500;
    }
}
