package dev.gepa4j.tasks.sandbox;

import dev.gepa4j.core.error.GepaException;

/** No usable Python 3 interpreter was found: the message says what to install or set. */
public final class PythonMissingException extends GepaException {
    public PythonMissingException(String message) {
        super(FAILED, message);
    }
}
