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
    MALFORMED_JSON
}
