package dev.gepa4j.runtime.reflection;

/**
 * How much of an example's evidence a proposer shows. Each is a hard bound in characters; longer text is cut with
 * a {@code [... N chars cut]} marker.
 *
 * @param maxEventChars   one trace step's text
 * @param maxTraceChars   one example's whole trace excerpt (all its kept steps)
 * @param maxFeedbackChars one example's feedback (the field's own, and the overall feedback apart)
 * @param maxPromptChars  one whole reflection prompt; the examples' share shrinks to fit it (the field's current
 *                        text is never cut, so a prompt may pass this bound only by that text's own length)
 */
public record ReflectionBounds(int maxEventChars, int maxTraceChars, int maxFeedbackChars, int maxPromptChars) {
    /** The bounds every proposer uses. */
    public static final ReflectionBounds DEFAULT = new ReflectionBounds(600, 3_000, 1_500, 60_000);

    public ReflectionBounds {
        for (int bound : new int[] {maxEventChars, maxTraceChars, maxFeedbackChars, maxPromptChars}) {
            if (bound < Cut.MIN_BOUND) {
                throw new IllegalArgumentException("every reflection bound must be at least " + Cut.MIN_BOUND
                        + " chars, got " + bound);
            }
        }
    }

    /** These bounds with the per-example ones scaled by {@code factor} (in (0, 1]), never below the minimum. */
    public ReflectionBounds scaled(double factor) {
        return new ReflectionBounds(scale(maxEventChars, factor), scale(maxTraceChars, factor),
                scale(maxFeedbackChars, factor), maxPromptChars);
    }

    private static int scale(int bound, double factor) {
        return Math.max(Cut.MIN_BOUND, (int) (bound * Math.min(1.0, factor)));
    }
}
