package dev.gepa4j.core.error;

import java.io.IOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
     * Binds {@code host:port} for a moment and lets go, so a server that cannot listen there fails before its
     * framework starts (and logs its own error lines): throws what {@link #describe} makes of the failure. Port 0
     * (any free port) always passes. Another program may still take the port in between; then the server's own start
     * fails and goes through {@link #describe} too.
     */
    public static void checkCanListen(String what, String host, int port) {
        if (port == 0) {
            return;
        }
        InetSocketAddress address = new InetSocketAddress(host, port);
        if (address.isUnresolved()) {
            throw new GepaException(GepaException.FAILED, what + " cannot listen on " + host + ":" + port
                    + ": no such host here; use an address of this machine, such as 127.0.0.1");
        }
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(address);
        } catch (IOException | IllegalArgumentException | SecurityException e) {
            throw describe(what, host, port, e);
        }
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
            String reason = bind != null ? bind.getMessage() : "unknown host";
            return new GepaException(GepaException.FAILED, what + " cannot listen on " + host + ":" + port + " ("
                    + reason + "): use an address of this machine, such as 127.0.0.1", failure);
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
