package dev.gepa4j.tasks.sandbox;

/** No usable Python 3 interpreter was found: the message says what to install or set. */
public final class PythonMissingException extends IllegalStateException {
    public PythonMissingException(String message) {
        super(message);
    }
}
