package dev.gepa4j.runtime.llm;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which wire format the reflection model speaks. */
public enum LlmProvider {
    /** OpenAI chat completions: OpenAI itself, vLLM, Ollama, LM Studio, OpenRouter, any compatible base URL. */
    OPENAI,
    /** Anthropic messages API. */
    ANTHROPIC;

    /** Parses a config value such as {@code "openai"}; the error lists the accepted names. */
    public static LlmProvider parse(String value) {
        if (value == null || value.isBlank()) {
            return OPENAI;
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "openai", "openai-compatible", "vllm", "ollama", "lmstudio", "lm-studio", "openrouter" -> OPENAI;
            case "anthropic", "claude" -> ANTHROPIC;
            default -> throw new IllegalArgumentException("unknown [proposer] provider '" + value + "'; use one of "
                    + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                    + " (openai covers vLLM, Ollama, LM Studio and OpenRouter through base_url)");
        };
    }
}
