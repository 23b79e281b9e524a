package dev.gepa4j.core.rollout;

/** How the rollout cache is used across runs. A run's own journal is always reused (that is what makes resume exact). */
public enum CacheMode {
    /** Read hits from any run, write every measured result (default). */
    READWRITE,
    /** Read hits; the first miss fails the run with {@link CacheMissException}. */
    READONLY,
    /**
     * Read no other run's results: every rollout not already in this run's own journal calls the container. The
     * run's results are still journaled (they are its record), so later runs in the workspace can reuse them.
     */
    OFF;

    public static CacheMode parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "readwrite", "read_write", "rw" -> READWRITE;
            case "readonly", "read_only", "ro" -> READONLY;
            case "off", "none" -> OFF;
            default -> throw new IllegalArgumentException(
                    "unknown cache mode '" + text + "': use readwrite, readonly or off");
        };
    }
}
