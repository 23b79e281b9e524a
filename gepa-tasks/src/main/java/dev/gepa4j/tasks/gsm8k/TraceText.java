package dev.gepa4j.tasks.gsm8k;

/** Keeps model text in trace events and feedback to a readable size. */
public final class TraceText {
    /** The most characters of one model turn kept in a trace event. */
    public static final int MAX_EVENT_CHARS = 4_000;

    private TraceText() {
    }

    /** {@code text} cut to {@code max} characters with a note of how much was left out; null reads as empty. */
    public static String clip(String text, int max) {
        if (text == null) {
            return "";
        }
        if (text.length() <= max) {
            return text;
        }
        return text.substring(0, max) + "... [" + (text.length() - max) + " more characters]";
    }

    /** {@link #clip(String, int)} at {@link #MAX_EVENT_CHARS}. */
    public static String clip(String text) {
        return clip(text, MAX_EVENT_CHARS);
    }
}
