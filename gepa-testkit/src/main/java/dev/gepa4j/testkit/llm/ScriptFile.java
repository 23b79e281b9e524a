package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a reply script for the standalone server: a JSON array, each element either
 * {@code {"content": "...", "finish_reason": "stop", "prompt_tokens": 10, "completion_tokens": 5}} (finish reason
 * and token counts optional), {@code {"status": 429, "retry_after": "1", "message": "..."}},
 * {@code {"echo_improve": true}}, or a misbehaviour: {@code {"raw_body": "<html>...", "content_type": "text/html"}}
 * (status 200 unless {@code "raw_status"} says otherwise), {@code {"drip": "text", "millis_per_byte": 1000}}, or
 * {@code {"flood_bytes": 50000000}}.
 */
public final class ScriptFile {
    private ScriptFile() {
    }

    public static List<ScriptedReply> read(Path file) throws IOException {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException("script " + file + " is not valid JSON: " + e.getMessage(), e);
        }
        if (!root.isArray()) {
            throw new IllegalArgumentException("script " + file + " must be a JSON array of replies");
        }
        List<ScriptedReply> replies = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode r = root.get(i);
            if (r.has("status")) {
                replies.add(new ScriptedReply.HttpError(r.get("status").asInt(),
                        r.hasNonNull("retry_after") ? r.get("retry_after").asText() : null,
                        r.path("message").asText("HTTP " + r.get("status").asInt() + " from the test double")));
            } else if (r.has("content")) {
                replies.add(new ScriptedReply.Completion(r.get("content").asText(), r.path("finish_reason").asText("stop"),
                        r.path("prompt_tokens").asLong(-1), r.path("completion_tokens").asLong(-1)));
            } else if (r.path("echo_improve").asBoolean(false)) {
                replies.add(ScriptedReply.echoImprove());
            } else if (r.has("raw_body")) {
                replies.add(new ScriptedReply.RawBody(r.path("raw_status").asInt(200),
                        r.path("content_type").asText("text/html"), r.get("raw_body").asText()));
            } else if (r.has("drip")) {
                replies.add(new ScriptedReply.Drip(r.get("drip").asText(), r.path("millis_per_byte").asLong(1000)));
            } else if (r.has("flood_bytes")) {
                replies.add(new ScriptedReply.Flood(r.get("flood_bytes").asLong()));
            } else {
                throw new IllegalArgumentException("script " + file + " reply " + (i + 1)
                        + " needs \"content\", \"status\", \"echo_improve\", \"raw_body\", \"drip\" or "
                        + "\"flood_bytes\": " + r);
            }
        }
        return replies;
    }
}
