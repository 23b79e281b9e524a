package dev.gepa4j.testkit.llm.gsm8k;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what a script needs from an OpenAI chat-completions request body. */
final class ChatRequestView {
    private final JsonNode request;

    ChatRequestView(JsonNode request) {
        this.request = request;
    }

    /** The description of the declared function {@code name}, when the request declares it in {@code tools}. */
    Optional<String> toolDescription(String name) {
        for (JsonNode tool : request.path("tools")) {
            JsonNode function = tool.path("function");
            if (name.equals(function.path("name").asText())) {
                return Optional.of(function.path("description").asText(""));
            }
        }
        return Optional.empty();
    }

    boolean declaresTools() {
        return request.path("tools").isArray() && !request.path("tools").isEmpty();
    }

    /** The system messages' text, joined. */
    String systemText() {
        return String.join("\n", texts("system"));
    }

    /** The user messages' texts, in order. */
    List<String> userTexts() {
        return texts("user");
    }

    /** The assistant messages' texts, in order (empty text for a message with only tool calls). */
    List<String> assistantTexts() {
        return texts("assistant");
    }

    /** The {@code tool} messages' contents, in order. */
    List<String> toolResults() {
        return texts("tool");
    }

    private List<String> texts(String role) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : request.path("messages")) {
            if (role.equals(m.path("role").asText())) {
                out.add(text(m.path("content")));
            }
        }
        return out;
    }

    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder sb = new StringBuilder();
        content.forEach(part -> sb.append(part.path("text").asText("")));
        return sb.toString();
    }
}
