package dev.gepa4j.core.engine;

/** How proposals are scheduled. */
public enum Mode {
    /** One proposal at a time; the same seed gives the same run (candidate ids, scores, decisions). */
    SERIAL,
    /**
     * Several proposals in flight on virtual threads (propose, roll out and evaluate overlap); each is tagged with the
     * frontier version it was planned from and judged by the {@link Staleness} policy. Faster, not reproducible.
     */
    OVERLAPPED;

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static Mode parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "serial" -> SERIAL;
            case "overlapped" -> OVERLAPPED;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "': use serial or overlapped");
        };
    }
}
