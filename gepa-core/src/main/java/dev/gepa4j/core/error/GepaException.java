package dev.gepa4j.core.error;

/**
 * A failure gepa4j expected and can explain: its message alone tells the user what went wrong and what to do, and
 * {@link #exitCode()} is the exit status a command that ends with it returns. Subclasses name the kind (a container,
 * the workspace, the configuration, a port already in use...); code that only needs to report a failure catches this
 * type. An exception of any other type that reaches the top of a command is a bug.
 */
public class GepaException extends RuntimeException {
    /** The command's own work failed (a container, the proposer, the workspace, the environment). */
    public static final int FAILED = 1;
    /** The command was used wrongly: bad options or configuration. Nothing was started. */
    public static final int USAGE = 2;

    private final int exitCode;

    public GepaException(int exitCode, String message) {
        this(exitCode, message, null);
    }

    public GepaException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        if (exitCode < 1 || exitCode > 125) {
            throw new IllegalArgumentException("exit code " + exitCode + " is not a failure status (1-125)");
        }
        this.exitCode = exitCode;
    }

    /** The process exit status for this failure: {@link #FAILED}, {@link #USAGE} or another code from 1 to 125. */
    public int exitCode() {
        return exitCode;
    }
}
