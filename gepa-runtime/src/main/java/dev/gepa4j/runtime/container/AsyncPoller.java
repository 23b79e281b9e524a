package dev.gepa4j.runtime.container;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Polls async rollouts without a thread per rollout: one timer thread for the whole process schedules every poll;
 * when a poll is due, a virtual thread makes the one HTTP exchange and, unless the rollout is done, schedules the
 * next poll and ends. Between polls a rollout costs a timer entry, nothing else.
 */
final class AsyncPoller {
    private static final ScheduledThreadPoolExecutor TIMER = timer();

    /** One poll: the answer when the rollout is done, empty to poll again. May throw to end polling with a failure. */
    @FunctionalInterface
    interface Probe<T> {
        Optional<T> poll();
    }

    private AsyncPoller() {
    }

    /**
     * Polls until {@code probe} gives an answer, throws, or {@code deadlineNanos} (a {@link System#nanoTime} value)
     * passes. The future completes with the answer, with what the probe threw, or with a {@link TimeoutException};
     * cancelling it stops the polling.
     *
     * @param firstDelay how long to wait before the first poll (zero for a rollout submitted earlier)
     */
    static <T> CompletableFuture<T> poll(Probe<T> probe, Duration firstDelay, Duration interval, long deadlineNanos) {
        CompletableFuture<T> done = new CompletableFuture<>();
        schedule(probe, done, firstDelay.toMillis(), interval.toMillis(), deadlineNanos);
        return done;
    }

    private static <T> void schedule(Probe<T> probe, CompletableFuture<T> done, long delayMs, long intervalMs,
                                     long deadlineNanos) {
        long untilDeadlineMs = Math.max(0, (deadlineNanos - System.nanoTime()) / 1_000_000);
        TIMER.schedule(() -> Thread.ofVirtual().name("gepa-async-poll").start(() -> {
            if (done.isDone()) {
                return; // cancelled meanwhile (the waiter was interrupted, or gave up)
            }
            try {
                Optional<T> answer = probe.poll();
                if (answer.isPresent()) {
                    done.complete(answer.get());
                } else if (System.nanoTime() - deadlineNanos >= 0) {
                    done.completeExceptionally(new TimeoutException("no terminal status before the deadline"));
                } else {
                    schedule(probe, done, intervalMs, intervalMs, deadlineNanos);
                }
            } catch (RuntimeException | Error e) {
                done.completeExceptionally(e);
            }
        }), Math.min(delayMs, untilDeadlineMs), TimeUnit.MILLISECONDS);
    }

    private static ScheduledThreadPoolExecutor timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("gepa-async-poll-timer").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
