package dev.gepa4j.runtime.llm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How the reflective LLM proposer talks to its model. Holds the <em>name</em> of the environment variable with the
 * API key, never the key.
 *
 * @param provider          wire format: OpenAI-compatible or Anthropic
 * @param model             model name sent to the endpoint, also the price-table key
 * @param baseUrl           endpoint base URL (e.g. {@code http://127.0.0.1:11434/v1} for Ollama); null = provider default
 * @param apiKeyEnv         name of the environment variable holding the key; null = no key (local endpoints)
 * @param temperature       sampling temperature; null = the model's default (some models accept only their default)
 * @param maxTokens         answer token limit; an answer that hits it is rejected as truncated
 * @param timeout           deadline for one whole call: connecting, headers and the complete answer body
 * @param retries           most extra attempts after a retriable failure (429, 5xx, timeouts, connect errors)
 * @param retryBaseDelay    first backoff delay, doubled per attempt, when the endpoint sends no Retry-After
 * @param maxRetryWait      longest single wait, also the cap on a Retry-After the endpoint asks for
 * @param retryBudget       most time spent waiting between the attempts of one call; retries stop when the next
 *                          wait would pass it (default 120 s: longer than a one-minute rate-limit window)
 * @param maxAnswerBytes    largest answer body read; a larger one is refused unread or cut off while streaming
 * @param editMode          full rewrites or bounded SEARCH/REPLACE edits
 * @param maxEdits          in edit mode, the most edits one proposal may make
 * @param proposalsPerCall  most alternative drafts asked for in one call (the packet's proposalsWanted caps it too)
 * @param maxFailuresShown  most failures rendered into the meta-prompt (they are already size-bounded each)
 * @param metaPrompts       meta-prompt overrides per component field; key {@code "*"} applies to every field
 */
public record LlmProposerSettings(LlmProvider provider, String model, String baseUrl, String apiKeyEnv,
                                  Double temperature, int maxTokens, Duration timeout, int retries,
                                  Duration retryBaseDelay, Duration maxRetryWait, Duration retryBudget,
                                  long maxAnswerBytes, EditMode editMode, int maxEdits,
                                  int proposalsPerCall, int maxFailuresShown, Map<String, MetaPromptSource> metaPrompts) {
    /** Default most extra attempts per call; the retry budget usually ends retrying first. */
    public static final int DEFAULT_RETRIES = 10;
    /** Default waiting budget per call: longer than a one-minute rate-limit window. */
    public static final Duration DEFAULT_RETRY_BUDGET = Duration.ofSeconds(120);
    /** Default answer cap: 1 MB, far above any answer of a few thousand tokens. */
    public static final long DEFAULT_MAX_ANSWER_BYTES = 1024 * 1024;

    public LlmProposerSettings {
        Objects.requireNonNull(provider, "provider");
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("[proposer] model is required for kind \"llm\" (e.g. model = \"gpt-4.1-mini\")");
        }
        if (baseUrl != null && !(baseUrl.startsWith("http://") || baseUrl.startsWith("https://"))) {
            throw new IllegalArgumentException("[proposer] base_url must start with http:// or https://, got '" + baseUrl + "'");
        }
        if (apiKeyEnv != null && !apiKeyEnv.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new IllegalArgumentException("[proposer] api_key_env must be the NAME of an environment variable "
                    + "(like OPENAI_API_KEY), not the key itself");
        }
        if (temperature != null && (temperature < 0 || temperature > 2)) {
            throw new IllegalArgumentException("[proposer] temperature must be between 0 and 2, got " + temperature);
        }
        requirePositive(maxTokens, "max_tokens");
        requirePositive(maxEdits, "max_edits");
        requirePositive(proposalsPerCall, "proposals_per_call");
        requirePositive(maxFailuresShown, "max_failures_shown");
        if (retries < 0) {
            throw new IllegalArgumentException("[proposer] retries must be >= 0, got " + retries);
        }
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(maxRetryWait, "maxRetryWait");
        Objects.requireNonNull(retryBudget, "retryBudget");
        if (maxAnswerBytes < 1024) {
            throw new IllegalArgumentException("[proposer] max_answer_kb must be >= 1, got " + maxAnswerBytes / 1024);
        }
        Objects.requireNonNull(editMode, "editMode");
        metaPrompts = Map.copyOf(metaPrompts == null ? Map.of() : metaPrompts);
    }

    /**
     * Settings from parsed {@code [proposer]} values; any null takes its default. Meta-prompt values are template
     * text, or {@code "file:PATH"} with PATH relative to {@code configDir}.
     */
    public static LlmProposerSettings of(String provider, String model, String baseUrl, String apiKeyEnv,
                                         Double temperature, Integer maxTokens, Integer timeoutSeconds,
                                         Integer retries, String editMode, Integer maxEdits,
                                         Integer proposalsPerCall, Map<String, String> metaPrompts, Path configDir) {
        LlmProvider p = LlmProvider.parse(provider);
        String keyEnv = apiKeyEnv != null && !apiKeyEnv.isBlank() ? apiKeyEnv.trim() : defaultKeyEnv(p, baseUrl);
        Map<String, MetaPromptSource> sources = new LinkedHashMap<>();
        if (metaPrompts != null) {
            metaPrompts.forEach((field, value) -> sources.put(field, MetaPromptSource.parse(value, configDir)));
        }
        return new LlmProposerSettings(p, model, blankToNull(baseUrl), keyEnv, temperature,
                maxTokens == null ? 4096 : maxTokens, Duration.ofSeconds(timeoutSeconds == null ? 120 : timeoutSeconds),
                retries == null ? DEFAULT_RETRIES : retries, Duration.ofSeconds(1), Duration.ofSeconds(60),
                DEFAULT_RETRY_BUDGET, DEFAULT_MAX_ANSWER_BYTES, EditMode.parse(editMode),
                maxEdits == null ? 6 : maxEdits,
                proposalsPerCall == null ? 1 : proposalsPerCall, 8, sources);
    }

    /** The same settings with other retry delays (tests use short ones). */
    public LlmProposerSettings withRetryDelays(Duration baseDelay, Duration maxWait) {
        return new LlmProposerSettings(provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout, retries,
                baseDelay, maxWait, retryBudget, maxAnswerBytes, editMode, maxEdits, proposalsPerCall, maxFailuresShown,
                metaPrompts);
    }

    /** The same settings with another waiting budget and answer cap. */
    public LlmProposerSettings withLimits(Duration budget, long answerBytes) {
        return new LlmProposerSettings(provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout, retries,
                retryBaseDelay, maxRetryWait, budget, answerBytes, editMode, maxEdits, proposalsPerCall,
                maxFailuresShown, metaPrompts);
    }

    /** The same settings with another edit mode and proposal count. */
    public LlmProposerSettings withAnswerShape(EditMode mode, int perCall) {
        return new LlmProposerSettings(provider, model, baseUrl, apiKeyEnv, temperature, maxTokens, timeout, retries,
                retryBaseDelay, maxRetryWait, retryBudget, maxAnswerBytes, mode, maxEdits, perCall, maxFailuresShown,
                metaPrompts);
    }

    /** The base URL calls go to, with the provider's default filled in. */
    public String effectiveBaseUrl() {
        if (baseUrl != null) {
            return baseUrl;
        }
        return provider == LlmProvider.ANTHROPIC ? "https://api.anthropic.com/v1/" : "https://api.openai.com/v1";
    }

    // Official endpoints need a key; a custom base URL (Ollama, vLLM, LM Studio) usually does not.
    private static String defaultKeyEnv(LlmProvider provider, String baseUrl) {
        if (provider == LlmProvider.ANTHROPIC) {
            return "ANTHROPIC_API_KEY";
        }
        return baseUrl == null || baseUrl.isBlank() ? "OPENAI_API_KEY" : null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static void requirePositive(int value, String key) {
        if (value < 1) {
            throw new IllegalArgumentException("[proposer] " + key + " must be >= 1, got " + value);
        }
    }
}
