package dev.gepa4j.core.rollout;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A hard cap on container calls. A unit is reserved before dispatch, committed when the call produced a result and
 * released when it failed for good, so no amount of parallelism can overspend: {@code committed + reserved <= limit}
 * holds at every instant. Thread-safe and lock-free.
 */
public final class RolloutBudget {
    private final long limit;
    private final AtomicLong committed;
    private final AtomicLong reserved = new AtomicLong();

    /**
     * @param limit          the most container calls the run may make
     * @param alreadyCommitted calls made by earlier processes of the same run (resume)
     */
    public RolloutBudget(long limit, long alreadyCommitted) {
        if (limit < 0 || alreadyCommitted < 0) {
            throw new IllegalArgumentException("budget and spent must be >= 0");
        }
        this.limit = limit;
        this.committed = new AtomicLong(alreadyCommitted);
    }

    public static RolloutBudget unlimited() {
        return new RolloutBudget(Long.MAX_VALUE / 4, 0);
    }

    /** Reserves one unit; false when the budget cannot cover it. */
    public boolean tryReserve() {
        while (true) {
            long r = reserved.get();
            if (committed.get() + r + 1 > limit) {
                return false;
            }
            if (reserved.compareAndSet(r, r + 1)) {
                return true;
            }
        }
    }

    /** Turns a reservation into a spent unit. */
    public void commit() {
        committed.incrementAndGet();
        reserved.decrementAndGet();
    }

    /** Gives a reservation back. */
    public void release() {
        reserved.decrementAndGet();
    }

    public long limit() {
        return limit;
    }

    public long committed() {
        return committed.get();
    }

    /** Units neither committed nor reserved. */
    public long remaining() {
        return Math.max(0, limit - committed.get() - reserved.get());
    }
}
