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

    /**
     * A misbehaving server: status 200 and {@code contentType}, then {@code body} written raw (not a completion
     * envelope), e.g. an HTML error page or invalid JSON.
     */
    record RawBody(int status, String contentType, String body) implements ScriptedReply {
    }

    /**
     * A dripping server: headers at once, then a valid completion for {@code content} one byte every
     * {@code millisPerByte} ms (the write stops when the client goes away).
     */
    record Drip(String content, long millisPerByte) implements ScriptedReply {
    }

    /**
     * A flooding server: a completion whose content is {@code bytes} bytes of filler, streamed in chunks without a
     * Content-Length, so the client cannot know the size before reading.
     */
    record Flood(long bytes) implements ScriptedReply {
    }

    /**
     * A 200 completion whose assistant message asks for tool calls (OpenAI {@code tool_calls}, finish reason
     * {@code tool_calls}); {@code content} is the text beside the calls (may be empty). OpenAI route only.
     */
    record ToolCalls(String content, java.util.List<ToolCall> calls) implements ScriptedReply {
        public ToolCalls {
            content = content == null ? "" : content;
            calls = java.util.List.copyOf(calls);
        }
    }

    /**
     * One requested call in a {@link ToolCalls} reply.
     *
     * @param arguments the function arguments exactly as sent (normally a JSON object as text; may be malformed on
     *                  purpose)
     */
    record ToolCall(String id, String name, String arguments) {
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

    /** HTTP 200 with an HTML page, as a proxy or login portal in front of the endpoint would send. */
    static ScriptedReply htmlPage() {
        return new RawBody(200, "text/html", "<!DOCTYPE html><html><body><h1>Gateway portal</h1></body></html>");
    }

    /** One tool call with its text beside it. */
    static ScriptedReply toolCall(String content, String id, String name, String arguments) {
        return new ToolCalls(content, java.util.List.of(new ToolCall(id, name, arguments)));
    }

    static ScriptedReply echoImprove() {
        return new EchoImproveReply();
    }
}
