package dev.gepa4j.testkit.faults;

import java.util.concurrent.TimeUnit;

/**
 * Listening again on the port a test container just gave up. The port was handed out from the ephemeral range, so
 * for a moment one of the clients' reconnect attempts can hold it as its own local port; the bind is retried for up to
 * ten seconds, as a restarted service would.
 */
final class Rebind {
    private Rebind() {
    }

    /** Runs {@code listen} until it binds; rethrows its last failure after ten seconds or on interrupt. */
    static void retrying(Runnable listen) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (true) {
            try {
                listen.run();
                return;
            } catch (RuntimeException busy) {
                if (System.nanoTime() > deadline) {
                    throw busy;
                }
                try {
                    Thread.sleep(50);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw busy;
                }
            }
        }
    }
}
