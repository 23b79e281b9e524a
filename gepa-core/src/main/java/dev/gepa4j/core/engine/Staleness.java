package dev.gepa4j.core.engine;

import java.util.Objects;

/**
 * What overlapped mode does with a child whose plan (parent, minibatch) was made from an older frontier version
 * than the one it is about to join. The lag is the number of frontier changes since planning. Serial mode never lags.
 *
 * @param policy what to do
 * @param maxLag for {@link Policy#DROP_BEYOND}: the largest lag still accepted
 */
public record Staleness(Policy policy, long maxLag) {
    public enum Policy {
        /** Register it whatever the lag (like serial mode would have). */
        ACCEPT_AS_IS,
        /** When it lags, register it only if it still holds the best reward on some train example. */
        RECHECK,
        /** Drop it before its full-train evaluation when it lags by more than {@code maxLag} (saves that budget). */
        DROP_BEYOND,
        /**
         * When the frontier changed since the plan, move the child onto the current best candidate (its edit applied
         * to the best by a three-way merge) and gate it against the best; see {@link Rebasing}.
         */
        REBASE
    }

    public Staleness {
        Objects.requireNonNull(policy, "policy");
        if (maxLag < 0) {
            throw new IllegalArgumentException("staleness lag must be >= 0, was " + maxLag);
        }
    }

    public static Staleness acceptAsIs() {
        return new Staleness(Policy.ACCEPT_AS_IS, 0);
    }

    public static Staleness recheck() {
        return new Staleness(Policy.RECHECK, 0);
    }

    public static Staleness rebase() {
        return new Staleness(Policy.REBASE, 0);
    }

    public static Staleness dropBeyond(long maxLag) {
        return new Staleness(Policy.DROP_BEYOND, maxLag);
    }
}
