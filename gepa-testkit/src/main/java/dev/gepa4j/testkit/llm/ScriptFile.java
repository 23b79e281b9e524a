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
 * and token counts optional), {@code {"status": 429, "retry_after": "1", "message": "..."}}, or
 * {@code {"echo_improve": true}}.
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
            } else {
                throw new IllegalArgumentException("script " + file + " reply " + (i + 1)
                        + " needs \"content\", \"status\" or \"echo_improve\": " + r);
            }
        }
        return replies;
    }
}
