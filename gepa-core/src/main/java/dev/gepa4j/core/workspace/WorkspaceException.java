package dev.gepa4j.core.workspace;

import dev.gepa4j.core.error.GepaException;

/** Reading or writing the workspace failed; the message names the file and what to do. Never retriable by itself. */
public class WorkspaceException extends GepaException {
    public WorkspaceException(String message) {
        super(FAILED, message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(FAILED, message, cause);
    }
}
