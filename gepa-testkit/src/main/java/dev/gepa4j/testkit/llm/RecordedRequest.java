package dev.gepa4j.testkit.llm;

import java.util.Map;

/**
 * A request the test server received.
 *
 * @param path     request path, e.g. {@code /v1/chat/completions}
 * @param headers  headers, names lower-cased
 * @param body     raw JSON body
 * @param model    the {@code model} field of the body
 * @param lastUserText text of the last user message (OpenAI or Anthropic shape)
 * @param receivedAtNanos {@link System#nanoTime()} when the request arrived (to measure a client's wait between two)
 */
public record RecordedRequest(String path, Map<String, String> headers, String body, String model,
                              String lastUserText, long receivedAtNanos) {
    public RecordedRequest {
        headers = Map.copyOf(headers);
    }

    /** The bearer token or x-api-key the client sent, or null. */
    public String credential() {
        String auth = headers.get("authorization");
        if (auth != null && auth.startsWith("Bearer ")) {
            return auth.substring("Bearer ".length());
        }
        return headers.get("x-api-key");
    }
}
