package dev.gepa4j.runtime.llm;

/** Short one-line excerpts of text a server sent, for error messages. */
final class Excerpts {
    private Excerpts() {
    }

    /** {@code text} with whitespace runs collapsed, cut to {@code max} characters with "..." appended when cut. */
    static String oneLine(String text, int max) {
        if (text == null) {
            return "";
        }
        String oneLine = text.replaceAll("\\s+", " ").trim();
        return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
    }
}
