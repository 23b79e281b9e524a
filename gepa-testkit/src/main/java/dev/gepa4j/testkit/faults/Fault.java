package dev.gepa4j.testkit.faults;

/** What {@link FaultyContainer} does with one {@code POST /rollout} instead of (or before) executing it. */
public enum Fault {
    /** Execute the rollout and answer it. */
    NONE,
    /** Answer 503 without executing. */
    UNAVAILABLE,
    /** Answer 429 with {@code Retry-After: 1} without executing. */
    TOO_MANY_REQUESTS,
    /** Hold the request for {@link FaultyContainer#hangMillis()} and drop it, without executing. */
    HANG,
    /** Answer 200 with a body that is not JSON, without executing. */
    MALFORMED_JSON,
    /** Answer 200 with the headers at once and the body one byte a second, without executing. */
    DRIBBLE,
    /** Answer 200 with a {@value #OVERSIZED_BYTES}-byte JSON body of many small strings, without executing. */
    OVERSIZED;

    /** The size of an {@link #OVERSIZED} answer: over the 4 MiB default cap on response bodies. */
    public static final int OVERSIZED_BYTES = 6 << 20;
}
