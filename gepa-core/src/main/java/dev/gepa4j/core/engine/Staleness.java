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
         * When the child's parent is not the current best candidate (the frontier changed since the plan, or the
         * parent selector drew another parent), move the child onto the best (its edit applied to the best by a
         * three-way merge) and gate it against the best; see {@link Rebasing}.
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

    /** The lag {@code drop} allows when named without one ({@link #named}). */
    public static final long NAMED_DROP_LAG = 2;

    /**
     * The policy named {@code accept}, {@code recheck}, {@code drop} (with a lag of {@value #NAMED_DROP_LAG}) or
     * {@code rebase}, as configuration files spell them; the inverse of {@link #label()}.
     *
     * @throws IllegalArgumentException for any other name
     */
    public static Staleness named(String name) {
        return switch (name) {
            case "accept" -> acceptAsIs();
            case "recheck" -> recheck();
            case "drop" -> dropBeyond(NAMED_DROP_LAG);
            case "rebase" -> rebase();
            default -> throw new IllegalArgumentException("unknown staleness policy '" + name
                    + "': use accept, recheck, drop or rebase");
        };
    }

    /** The policy's name as configuration files spell it (the lag of {@code drop} is not part of it). */
    public String label() {
        return switch (policy) {
            case ACCEPT_AS_IS -> "accept";
            case RECHECK -> "recheck";
            case DROP_BEYOND -> "drop";
            case REBASE -> "rebase";
        };
    }
}
