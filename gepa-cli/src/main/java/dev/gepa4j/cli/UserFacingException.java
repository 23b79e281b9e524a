package dev.gepa4j.cli;

import dev.gepa4j.core.error.GepaException;

/** A failure whose message alone tells the user what happened and what to do. */
public final class UserFacingException extends GepaException {
    public UserFacingException(String message) {
        super(FAILED, message);
    }

    public UserFacingException(String message, Throwable cause) {
        super(FAILED, message, cause);
    }
}
