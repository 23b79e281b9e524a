package dev.gepa4j.runtime.reflection;

/** Cuts text to a bound, keeping its head and tail around an explicit {@code [... N chars cut]} marker. */
public final class Cut {
    /** The smallest bound {@link #middle} accepts: room for the marker and a few characters either side. */
    public static final int MIN_BOUND = 40;

    private Cut() {
    }

    /**
     * {@code text} unchanged when it fits in {@code max} characters, else its head and tail joined by
     * {@code " [... N chars cut] "}, N being the number of characters left out; the result is never longer than
     * {@code max}.
     *
     * @throws IllegalArgumentException when {@code max} is below {@link #MIN_BOUND}
     */
    public static String middle(String text, int max) {
        if (max < MIN_BOUND) {
            throw new IllegalArgumentException("a cut needs a bound of at least " + MIN_BOUND + " chars, got " + max);
        }
        if (text.length() <= max) {
            return text;
        }
        int kept = max - marker(text.length()).length();
        // the marker shrinks as fewer chars are cut; recompute until the count it names is exact
        for (int i = 0; i < 3; i++) {
            int next = max - marker(text.length() - kept).length();
            if (next == kept) {
                break;
            }
            kept = next;
        }
        int head = kept - kept / 2;
        int tail = kept / 2;
        return text.substring(0, head) + marker(text.length() - head - tail)
                + text.substring(text.length() - tail);
    }

    private static String marker(int cut) {
        return " [... " + cut + " chars cut] ";
    }
}
