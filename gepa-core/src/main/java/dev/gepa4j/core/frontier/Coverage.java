package dev.gepa4j.core.frontier;

/**
 * How many train examples some frontier member solves (reward &gt; 0), out of all train examples.
 * Shown as {@code covered/total}, e.g. {@code 49/56}.
 */
public record Coverage(int covered, int total) {
    public Coverage {
        if (covered < 0 || total < 0 || covered > total) {
            throw new IllegalArgumentException("coverage must satisfy 0 <= covered <= total, was " + covered + "/" + total);
        }
    }

    @Override
    public String toString() {
        return covered + "/" + total;
    }
}
