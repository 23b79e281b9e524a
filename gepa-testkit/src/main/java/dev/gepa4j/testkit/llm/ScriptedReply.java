package dev.gepa4j.testkit.llm;

/** One scripted answer of the {@link OpenAiCompatibleTestServer}. */
public sealed interface ScriptedReply {

    /**
     * A 200 completion.
     *
     * @param content          message content (may be empty)
     * @param finishReason     OpenAI finish reason: {@code stop} or {@code length} (mapped to Anthropic's
     *                         {@code end_turn} / {@code max_tokens} on the messages route)
     * @param promptTokens     reported prompt tokens, or -1 to report an estimate (request characters / 4)
     * @param completionTokens reported completion tokens, or -1 to report an estimate (content characters / 4)
     */
    record Completion(String content, String finishReason, long promptTokens, long completionTokens)
            implements ScriptedReply {
    }

    /** An HTTP error status with an optional Retry-After header value (null: none). */
    record HttpError(int status, String retryAfter, String message) implements ScriptedReply {
    }

    /** Improves whatever prompt it is shown (see {@link EchoImprove}); the server's default when the script is empty. */
    record EchoImproveReply() implements ScriptedReply {
    }

    /** A normal answer, finish reason stop, estimated token counts. */
    static ScriptedReply answer(String content) {
        return new Completion(content, "stop", -1, -1);
    }

    /** An answer with exact token counts. */
    static ScriptedReply answer(String content, long promptTokens, long completionTokens) {
        return new Completion(content, "stop", promptTokens, completionTokens);
    }

    /** An answer cut off at the token limit (finish reason length). */
    static ScriptedReply truncated(String content) {
        return new Completion(content, "length", -1, -1);
    }

    /** A 200 answer with empty content. */
    static ScriptedReply empty() {
        return new Completion("", "stop", -1, -1);
    }

    /** HTTP 429 with {@code Retry-After: seconds}. */
    static ScriptedReply rateLimited(int retryAfterSeconds) {
        return new HttpError(429, Integer.toString(retryAfterSeconds), "Rate limit reached (test double)");
    }

    /** Any HTTP error status without Retry-After. */
    static ScriptedReply status(int status) {
        return new HttpError(status, null, "HTTP " + status + " from the test double");
    }

    static ScriptedReply echoImprove() {
        return new EchoImproveReply();
    }
}
