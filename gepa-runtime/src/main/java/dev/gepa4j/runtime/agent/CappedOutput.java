package dev.gepa4j.runtime.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Drains a stream to its end on a virtual thread, keeping the first {@code cap} bytes. Reading on past the cap
 * matters: a child blocked on a full pipe would never finish.
 */
final class CappedOutput {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final Thread reader;
    private final int cap;
    private long total;

    CappedOutput(InputStream in, int cap) {
        this.cap = cap;
        this.reader = Thread.ofVirtual().start(() -> {
            byte[] buf = new byte[8192];
            try (in) {
                for (int n; (n = in.read(buf)) >= 0; ) {
                    synchronized (kept) {
                        int room = Math.max(0, cap - kept.size());
                        kept.write(buf, 0, Math.min(room, n));
                        total += n;
                    }
                }
            } catch (IOException closed) {
                // the pipe closed under us (process killed): what was read so far is the output
            }
        });
    }

    /**
     * Waits until {@code deadlineNanos} ({@link System#nanoTime} scale) at most for the stream to end (a process
     * that escaped the kill may hold the pipe open), then returns the kept bytes as text, with a marker when output
     * was cut. Both streams of one run share one deadline, so the grace is waited out once, not twice.
     */
    String text(long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            reader.join(Duration.ofNanos(left));
        }
        synchronized (kept) {
            String text = kept.toString(StandardCharsets.UTF_8);
            return total > cap ? text + "\n[... output cut at " + cap + " of " + total + " bytes]" : text;
        }
    }
}
