package dev.gepa4j.runtime.usage;

/**
 * What one model charges, in US dollars per one million tokens.
 *
 * @param inputPerMillion  price of one million prompt (input) tokens
 * @param outputPerMillion price of one million completion (output) tokens
 */
public record Price(double inputPerMillion, double outputPerMillion) {
    public Price {
        if (!(inputPerMillion >= 0) || !(outputPerMillion >= 0)) {
            throw new IllegalArgumentException("a price must be a non-negative number of USD per 1M tokens, got input="
                    + inputPerMillion + " output=" + outputPerMillion);
        }
    }

    /** Dollars for the given token counts. */
    public double cost(long promptTokens, long completionTokens) {
        return (promptTokens * inputPerMillion + completionTokens * outputPerMillion) / 1_000_000.0;
    }
}
