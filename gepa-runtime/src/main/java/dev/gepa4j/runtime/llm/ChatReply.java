package dev.gepa4j.runtime.llm;

/**
 * What the model answered.
 *
 * @param text             the answer text, never null (empty when the model said nothing)
 * @param truncated        true when the model stopped because it hit its token limit (finish reason "length" /
 *                         stop reason "max_tokens")
 * @param finishReason     the finish reason as reported, lower case, or "unknown"
 * @param promptTokens     prompt tokens the endpoint reported (0 when it reported none)
 * @param completionTokens completion tokens the endpoint reported (0 when it reported none)
 */
public record ChatReply(String text, boolean truncated, String finishReason, long promptTokens,
                        long completionTokens) {
    public ChatReply {
        text = text == null ? "" : text;
        finishReason = finishReason == null ? "unknown" : finishReason;
    }
}
