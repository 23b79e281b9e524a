package dev.gepa4j.core.engine;

/**
 * Receives the loop's events as they happen (progress bar, console feed, evidence writer, logs).
 *
 * <p>Called on the loop's threads, possibly from several lanes at once in overlapped mode; keep it quick and
 * thread-safe. An exception thrown here is logged and dropped: a listener never changes the run.
 */
@FunctionalInterface
public interface RunListener {
    void onEvent(RunEvent event);
}
