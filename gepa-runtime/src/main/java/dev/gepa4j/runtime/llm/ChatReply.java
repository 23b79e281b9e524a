package dev.gepa4j.runtime.llm;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;

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

    /** A LangChain4j chat response as a reply: missing text or token counts read as empty and 0. */
    public static ChatReply of(ChatResponse response) {
        String text = response.aiMessage() == null ? "" : response.aiMessage().text();
        FinishReason finish = response.finishReason();
        TokenUsage tokens = response.tokenUsage();
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        return new ChatReply(text, finish == FinishReason.LENGTH,
                finish == null ? "unknown" : finish.name().toLowerCase(Locale.ROOT), in, out);
    }
}
