package dev.gepa4j.core.rollout;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's two spending limits.
 *
 * <p><b>Rollouts</b> ({@code max_rollouts}): every (candidate, example) result the run takes into its journal counts
 * one unit, whether a container produced it or the shared cache of an earlier run supplied it. Reading the run's own
 * journal again costs nothing (the result was counted when it was taken), and a rollout that ended in an error costs
 * no unit (it measured nothing). So the same serial command run twice in one workspace spends the budget the same way
 * and ends with the same result. A unit is reserved before the result is sought, committed when a measured result was
 * journaled and released otherwise, so no amount of parallelism can overspend: {@code committed + reserved <= limit}
 * holds at every instant.
 *
 * <p><b>Container calls</b> ({@code max_container_calls}, optional): every HTTP attempt at a rollout, retries and
 * failed attempts included, is one call; this is what a user pays a container for. {@link #tryCall} counts one
 * before each attempt and refuses once the cap is reached. Without a cap, calls are counted only.
 *
 * <p>Thread-safe and lock-free.
 */
public final class RolloutBudget {
    /** No cap on container calls. */
    public static final long NO_CALL_CAP = Long.MAX_VALUE;

    private final long limit;
    private final AtomicLong committed;
    private final AtomicLong reserved = new AtomicLong();
    private final long callCap;
    private final AtomicLong calls;

    /**
     * @param limit            the most rollouts the run may use
     * @param alreadyCommitted rollouts the run used in earlier processes (resume)
     */
    public RolloutBudget(long limit, long alreadyCommitted) {
        this(limit, alreadyCommitted, NO_CALL_CAP, 0);
    }

    /**
     * @param limit            the most rollouts the run may use
     * @param alreadyCommitted rollouts the run used in earlier processes (resume)
     * @param callCap          the most container calls the run may make ({@link #NO_CALL_CAP} for none)
     * @param callsAlready     container calls the run made in earlier processes (resume)
     */
    public RolloutBudget(long limit, long alreadyCommitted, long callCap, long callsAlready) {
        if (limit < 0 || alreadyCommitted < 0 || callCap < 0 || callsAlready < 0) {
            throw new IllegalArgumentException("budget, cap and spent amounts must be >= 0");
        }
        this.limit = limit;
        this.committed = new AtomicLong(alreadyCommitted);
        this.callCap = callCap;
        this.calls = new AtomicLong(callsAlready);
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

    /** Counts one container call about to be made; false (and nothing counted) once the cap is reached. */
    public boolean tryCall() {
        while (true) {
            long c = calls.get();
            if (c >= callCap) {
                return false;
            }
            if (calls.compareAndSet(c, c + 1)) {
                return true;
            }
        }
    }

    /** Container calls made so far (earlier processes of the run included). */
    public long calls() {
        return calls.get();
    }

    /** The cap on container calls, {@link #NO_CALL_CAP} when there is none. */
    public long callCap() {
        return callCap;
    }

    /** True once the cap on container calls is reached (never without a cap). */
    public boolean callCapReached() {
        return calls.get() >= callCap;
    }
}
