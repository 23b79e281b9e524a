package dev.gepa4j.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How a run's output ends: the paths a person opens (the report, and the command that serves the console again
 * later) and, when the run console is up and a person is watching a terminal, the console kept serving until Ctrl-C
 * so the URL printed at the start still works after the run. Piped or redirected output ends at once: a script
 * must not hang. So does a process that ignores Ctrl-C (started with SIGINT ignored, e.g. as a background job of a
 * script): it could never be stopped that way.
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
     * Prints the lines after the summary and, when {@code consoleUrl} is not null (the console is up),
     * {@code interactive} and Ctrl-C can reach the process ({@code ctrlCIgnored} false, see {@link CtrlC}), keeps the
     * caller (and so the console it started) alive until Ctrl-C; otherwise returns at once. With Ctrl-C ignored the
     * console line says why it is not kept, rather than promising a Ctrl-C that would do nothing. The last lines are
     * the paths a person opens: the report, and the command that serves the console again later. Ctrl-C starts the
     * JVM's shutdown; the returned handle's {@link Release#close()}, called once the caller has closed the console and
     * the workspace, lets the shutdown finish (it waits {@value #CLOSE_GRACE_SECONDS} s at most).
     */
    static Release end(PrintStream out, Path evidenceDir, String workspace, String consoleUrl, boolean interactive,
                       boolean ctrlCIgnored) throws InterruptedException {
        boolean watched = consoleUrl != null && interactive;
        CountDownLatch interrupted = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        // The hook goes in before the line that invites Ctrl-C: a Ctrl-C right after that line must find it waiting.
        boolean keepServing = watched && !ctrlCIgnored && waitForShutdown(interrupted, closed);
        if (keepServing) {
            out.println("run console: " + consoleUrl + " (still serving; press Ctrl-C to stop)");
        } else if (watched && ctrlCIgnored) {
            out.println("run console: " + consoleUrl + " (not kept serving: this process ignores Ctrl-C, so nothing"
                    + " could stop it)");
        }
        out.println("report: " + evidenceDir.resolve("report.html"));
        out.println("console later: ./gepa console --workspace " + workspace);
        out.flush();
        if (!keepServing) {
            return () -> { };
        }
        interrupted.await();
        return closed::countDown;
    }

    /**
     * Registers the hook that, on shutdown, wakes {@code interrupted} and holds the shutdown until {@code closed} (or
     * the grace runs out). False when the shutdown is already under way: then there is nothing to wait for.
     */
    private static boolean waitForShutdown(CountDownLatch interrupted, CountDownLatch closed) {
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                interrupted.countDown();
                try {
                    closed.await(CLOSE_GRACE_SECONDS, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "gepa-console-keepalive"));
            return true;
        } catch (IllegalStateException shutdownUnderWay) {
            return false;
        }
    }

    /** Lets a Ctrl-C shutdown finish once the console is closed; closing twice is harmless. */
    @FunctionalInterface
    interface Release extends AutoCloseable {
        @Override
        void close();
    }
}
