package dev.gepa4j.core.workspace;

/** Reading or writing the workspace failed; the message names the file and what to do. Never retriable by itself. */
public class WorkspaceException extends RuntimeException {
    public WorkspaceException(String message) {
        super(message);
    }

    public WorkspaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
