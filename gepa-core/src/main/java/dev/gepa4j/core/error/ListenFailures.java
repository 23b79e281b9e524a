package dev.gepa4j.core.error;

import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Locale;

/**
 * Turns the exception a server's start threw into what the user should read. The servers (task container, run
 * console, LLM test double) share it, so "port in use" reads the same wherever it happens.
 */
public final class ListenFailures {
    private static final int MAX_CAUSES = 20;

    private ListenFailures() {
    }

    /**
     * What to throw when {@code what} (e.g. "the run console") failed to listen on {@code host:port}: a
     * {@link PortInUseException} when the port is taken, a {@link GepaException} when the host is not an address of
     * this machine, otherwise an {@link IllegalStateException} keeping {@code failure} (an unexpected failure).
     */
    public static RuntimeException describe(String what, String host, int port, Throwable failure) {
        BindException bind = find(failure, BindException.class);
        if (bind != null && bind.getMessage() != null
                && bind.getMessage().toLowerCase(Locale.ROOT).contains("in use")) {
            return new PortInUseException(what, host, port, failure);
        }
        if (bind != null || find(failure, UnknownHostException.class) != null
                || find(failure, UnresolvedAddressException.class) != null) {
            return new GepaException(GepaException.FAILED, what + " cannot listen on " + host + ":" + port + " ("
                    + failure.getMessage() + "): use an address of this machine, such as 127.0.0.1", failure);
        }
        return new IllegalStateException(what + " cannot listen on " + host + ":" + port + ": " + failure.getMessage(),
                failure);
    }

    /** The first exception of {@code type} in the cause chain of {@code failure}, or null. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
