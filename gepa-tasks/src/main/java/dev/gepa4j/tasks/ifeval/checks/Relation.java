package dev.gepa4j.tasks.ifeval.checks;

/** The comparison of a counting instruction: {@code at least N} (count &gt;= N) or {@code less than N} (count &lt; N). */
public enum Relation {
    AT_LEAST("at least"),
    LESS_THAN("less than");

    private final String words;

    Relation(String words) {
        this.words = words;
    }

    static Relation parse(String instructionId, String text) {
        for (Relation r : values()) {
            if (r.words.equals(text)) {
                return r;
            }
        }
        throw new IllegalArgumentException("instruction " + instructionId + ": relation '" + text
                + "' is neither 'at least' nor 'less than'");
    }

    public boolean holds(long count, long bound) {
        return this == AT_LEAST ? count >= bound : count < bound;
    }

    /** E.g. {@code at least 300} or {@code less than 300}. */
    public String phrase(long bound) {
        return words + " " + bound;
    }
}
