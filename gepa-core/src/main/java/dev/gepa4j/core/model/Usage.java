package dev.gepa4j.core.model;

/**
 * Tokens and cost of one model call or a sum of them. Counts are never negative; cost is in US dollars and
 * is zero when unknown (local models, the embedded policy).
 */
public record Usage(long promptTokens, long completionTokens, long totalTokens, double costUsd) {
    public static final Usage ZERO = new Usage(0, 0, 0, 0.0);

    public Usage {
        if (promptTokens < 0 || completionTokens < 0 || totalTokens < 0 || costUsd < 0) {
            throw new IllegalArgumentException("usage must not be negative: " + promptTokens + "/"
                    + completionTokens + "/" + totalTokens + "/" + costUsd);
        }
    }

    /** Usage with total = prompt + completion. */
    public static Usage of(long promptTokens, long completionTokens, double costUsd) {
        return new Usage(promptTokens, completionTokens, promptTokens + completionTokens, costUsd);
    }

    public Usage plus(Usage other) {
        return new Usage(promptTokens + other.promptTokens, completionTokens + other.completionTokens,
                totalTokens + other.totalTokens, costUsd + other.costUsd);
    }
}
