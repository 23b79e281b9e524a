package dev.gepa4j.runtime.workspace;

import java.util.Locale;

/**
 * Keeps one oversized stored value from making a whole workspace unreadable. Versions before the proposal caps
 * could store a value of hundreds of megabytes (an agent's output file), which no JSON reader accepts and which
 * would fill memory; every read of a text or JSON column that can hold model or agent output goes through
 * {@link #guarded}, so the database returns a short marker instead of a value over {@link #MAX_VALUE_BYTES}, and the
 * mappers turn the marker into an explanation on that row. Values written now are capped far below the limit.
 */
final class OversizedValues {
    /** The largest stored value read back: 16 MB. */
    static final long MAX_VALUE_BYTES = 16L * 1024 * 1024;
    private static final String MARKER = "\u001Foversized:"; // starts with the unit separator, char(31)

    private OversizedValues() {
    }

    /** A select expression for {@code column} that yields a marker with the size instead of an oversized value. */
    static String guarded(String column) {
        // the marker is a literal (not char(31), which PostgreSQL spells chr(31)), so one text serves both databases
        return "CASE WHEN octet_length(" + column + ") > " + MAX_VALUE_BYTES
                + " THEN '" + MARKER + "' || octet_length(" + column + ") ELSE " + column + " END AS " + column;
    }

    static boolean isOversized(String value) {
        return value != null && value.startsWith(MARKER);
    }

    /** What to show instead of the value: its size and why it is not read. */
    static String explain(String column, String marker) {
        long bytes = Long.parseLong(marker.substring(MARKER.length()));
        return "[not read: the stored " + column + " is " + String.format(Locale.ROOT, "%.1f MB", bytes / 1048576.0)
                + ", over the " + MAX_VALUE_BYTES / 1048576 + " MB a workspace value may hold; it was written by an "
                + "older gepa4j without proposal size caps]";
    }

    /** {@code value}, or its explanation when it is a marker. */
    static String text(String column, String value) {
        return isOversized(value) ? explain(column, value) : value;
    }
}
