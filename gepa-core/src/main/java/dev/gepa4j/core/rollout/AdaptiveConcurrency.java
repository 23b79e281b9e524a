package dev.gepa4j.core.rollout;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A semaphore whose size follows the container's health (AIMD): every {@code successesPerIncrease} consecutive
 * successes raise the limit by one, an overload signal (408/425/429/5xx/529, timeout) multiplies it by the
 * decrease factor. Only one decrease happens per success in between, so a burst of errors from requests that were
 * all in flight together counts as one signal instead of collapsing the limit to the minimum. Lowering the limit
 * never interrupts work in flight; it only delays new permits. Thread-safe.
 */
public final class AdaptiveConcurrency {
    private final ConcurrencyLimits limits;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition freed = lock.newCondition();
    private int limit;
    private int inFlight;
    private int successStreak;
    private boolean decreasedSinceSuccess;

    public AdaptiveConcurrency(ConcurrencyLimits limits) {
        this.limits = limits;
        this.limit = limits.initial();
    }

    /** Blocks until a permit is free. */
    public void acquire() throws InterruptedException {
        lock.lock();
        try {
            while (inFlight >= limit) {
                try {
                    freed.await();
                } catch (InterruptedException e) {
                    freed.signal(); // a wake-up this waiter may have taken goes to the next one
                    throw e;
                }
            }
            inFlight++;
        } finally {
            lock.unlock();
        }
    }

    /** Gives a permit back; the call's outcome is reported separately ({@link #onSuccess}, {@link #onOverload}). */
    public void release() {
        lock.lock();
        try {
            inFlight--;
            freed.signal(); // one permit freed, one waiter woken: signalAll would wake every waiting job to lose the race
        } finally {
            lock.unlock();
        }
    }

    /** A container call succeeded. Does not release a permit. */
    public void onSuccess() {
        lock.lock();
        try {
            decreasedSinceSuccess = false;
            if (++successStreak >= limits.successesPerIncrease()) {
                successStreak = 0;
                if (limit < limits.max()) {
                    limit++;
                    freed.signal();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    /** The container signalled overload. Does not release a permit. */
    public void onOverload() {
        lock.lock();
        try {
            successStreak = 0;
            if (!decreasedSinceSuccess) {
                decreasedSinceSuccess = true;
                limit = Math.max(limits.min(), (int) Math.floor(limit * limits.decreaseFactor()));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The current limit. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** Permits held right now. */
    public int inFlight() {
        lock.lock();
        try {
            return inFlight;
        } finally {
            lock.unlock();
        }
    }
}
