package dev.gepa4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a run's output ends: the paths a person opens (the report, and the command that serves the console again
 * later) and, when the run console is up and a person is watching a terminal, the console kept serving until Ctrl-C
 * so the URL printed at the start still works after the run. Piped or redirected output ends at once: a script
 * must not hang.
 *
 * <p>The terminal case waits for the JVM's shutdown, which a test cannot trigger in its own JVM:
 * {@code ConsoleKeptServingOnTerminalTest} runs a child JVM on a pseudo-terminal and sends it SIGINT.
 */
final class RunEnding {
    /** How long Ctrl-C waits for the console and workspace to close before the JVM goes anyway. */
    private static final long CLOSE_GRACE_SECONDS = 10;

    private RunEnding() {
    }

    /** Whether stdin and stdout are a terminal (the JDK gives no console otherwise), i.e. a person is watching. */
    static boolean interactive() {
        return System.console() != null;
    }

    /**
     * Prints the lines after the summary and, when {@code consoleUrl} is not null (the console is up) and
     * {@code interactive}, keeps the caller (and so the console it started) alive until Ctrl-C; otherwise returns at
     * once. The last lines are the paths a person opens: the report, and the command that serves the console again
     * later. Ctrl-C starts the JVM's shutdown; the returned handle's {@link Release#close()}, called once the caller
     * has closed the console and the workspace, lets the shutdown finish.
     */
    static Release end(PrintStream out, Path evidenceDir, Path workspaceDir, String consoleUrl, boolean interactive)
            throws InterruptedException {
        boolean keepServing = consoleUrl != null && interactive;
        if (keepServing) {
            out.println("run console: " + consoleUrl + " (still serving; press Ctrl-C to stop)");
        }
        out.println("report: " + evidenceDir.resolve("report.html"));
        out.println("console later: ./gepa console --workspace " + workspaceDir);
        out.flush();
        if (!keepServing) {
            return () -> { };
        }
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                interrupted.countDown();
                try {
                    closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gepa-console-keepalive"));
        } catch (IllegalStateException shuttingDown) {
            return () -> { }; // a signal arrived as the run ended: nothing left to keep serving for
        }
        interrupted.await();
        return closed::countDown;
    }

    /** Lets a Ctrl-C shutdown finish once the console is closed; closing twice is harmless. */
    @FunctionalInterface
    interface Release extends AutoCloseable {
        @Override
        void close();
    }
}
