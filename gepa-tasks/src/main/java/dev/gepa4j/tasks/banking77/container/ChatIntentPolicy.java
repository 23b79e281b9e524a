package dev.gepa4j.tasks.banking77.container;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.tasks.banking77.IntentPrediction;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Banking77 policy on a real chat model behind an OpenAI-compatible API (OpenAI, vLLM, Ollama, LM Studio,
 * OpenRouter). The candidate prompt is the system message, followed by the list of valid labels; the message is
 * the user turn; the answer is matched to a label (exactly, else the first label it contains), otherwise kept
 * as given so the verifier marks it wrong.
 *
 * <p>The key comes from the container's environment ({@code OPENAI_API_KEY}); local servers need none. A transport
 * failure propagates and the container SDK turns it into a failed rollout with the error in the trace.
 */
final class ChatIntentPolicy {
    private final ChatModel model;
    private final List<String> labels;
    private final String labelList;

    private ChatIntentPolicy(ChatModel model, List<String> labels) {
        this.model = model;
        this.labels = List.copyOf(labels);
        this.labelList = String.join(", ", labels);
    }

    static ChatIntentPolicy create(PolicySpec policy, List<String> labels) {
        String baseUrl = policy.baseUrl() != null ? policy.baseUrl()
                : System.getenv().getOrDefault("OPENAI_BASE_URL", "https://api.openai.com/v1");
        String key = System.getenv("OPENAI_API_KEY");
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(baseUrl)
                .apiKey(key == null || key.isBlank() ? "no-key" : key)
                .modelName(policy.model())
                .temperature(0.0)
                .maxTokens(policy.maxTokens() == null ? 16 : policy.maxTokens())
                .timeout(Duration.ofSeconds(60))
                .maxRetries(0)
                .build();
        return new ChatIntentPolicy(model, labels);
    }

    IntentPrediction classify(String systemPrompt, String message) {
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(systemPrompt + "\n\nAnswer with exactly one of these labels and nothing else: "
                        + labelList), UserMessage.from(message))
                .build());
        String raw = response.aiMessage().text() == null ? "" : response.aiMessage().text().trim();
        String label = match(raw);
        TokenUsage usage = response.tokenUsage();
        int prompt = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
        int completion = usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
        return new IntentPrediction(label, raw, prompt, completion, label, "the chat model's answer", Optional.empty(),
                List.of());
    }

    private String match(String raw) {
        String cleaned = raw.toLowerCase(Locale.ROOT).replaceAll("[`\"'.\\s]+$", "").replaceAll("^[`\"'\\s]+", "");
        for (String label : labels) {
            if (label.equals(cleaned)) {
                return label;
            }
        }
        for (String label : labels) {
            if (cleaned.contains(label)) {
                return label;
            }
        }
        return cleaned.isEmpty() ? "(empty answer)" : cleaned;
    }
}
