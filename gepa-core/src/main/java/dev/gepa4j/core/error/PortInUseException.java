package dev.gepa4j.core.error;

/**
 * A server could not listen because its port is taken (by another program, or an earlier gepa that still runs).
 * An environment failure, not a bug: the message names the server, the address and the fix. Made by
 * {@link ListenFailures#describe}.
 */
public final class PortInUseException extends GepaException {
    private final int port;

    /**
     * @param what  the server that could not start, e.g. "the run console"
     * @param host  the address it tried to bind
     * @param port  the port it tried to bind
     * @param cause the bind failure
     */
    public PortInUseException(String what, String host, int port, Throwable cause) {
        super(FAILED, what + " cannot listen on " + host + ":" + port + ": the port is already in use; stop the "
                + "program that holds it, or choose another port (0 picks a free one)", cause);
        this.port = port;
    }

    /** The port that was taken. */
    public int port() {
        return port;
    }
}
