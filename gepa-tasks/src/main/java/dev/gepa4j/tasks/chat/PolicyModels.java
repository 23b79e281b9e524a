package dev.gepa4j.tasks.chat;

import dev.gepa4j.core.model.PolicySpec;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The chat model a built-in task container calls for a rollout's policy. Thread-safe; one instance per container.
 *
 * <p>Resolution, in order:
 * <ol>
 *   <li>the rollout's policy, when its provider is an OpenAI-compatible one ({@value #COMPATIBLE_PROVIDERS_TEXT}):
 *       its {@code model}, at its {@code base_url}, else at {@code OPENAI_BASE_URL}, else at OpenAI;</li>
 *   <li>otherwise (the built-in default policy {@code embedded} names no chat model) the container's environment:
 *       {@code GEPA_POLICY_MODEL} at {@code OPENAI_BASE_URL} (else OpenAI), as {@code gepa demo --policy openai}
 *       does; when only {@code OPENAI_BASE_URL} or {@code OPENAI_API_KEY} is set, the model is
 *       {@value #DEFAULT_MODEL};</li>
 *   <li>with none of these, {@link #choose} throws a {@link PolicyModelException} saying what to set.</li>
 * </ol>
 * The key is always the container's own {@code OPENAI_API_KEY} (the contract sends containers no key and no key
 * name); local servers need none. Models are cached per (base URL, model). The returned model explains its
 * failures: a transport or API error surfaces as a {@link PolicyModelException} naming the model and what to check.
 * Calls use temperature 0 unless the request says otherwise, a 120 s timeout and no retries (the runtime retries).
 */
public final class PolicyModels {
    /** The key variable read from the container's environment. */
    public static final String API_KEY_ENV = "OPENAI_API_KEY";
    /** The base URL variable. */
    public static final String BASE_URL_ENV = "OPENAI_BASE_URL";
    /** The model-name variable. */
    public static final String MODEL_ENV = "GEPA_POLICY_MODEL";
    /** The model when the environment points at a server but names no model (the demo's default too). */
    public static final String DEFAULT_MODEL = "gpt-4.1-nano";
    /** Where OpenAI itself answers. */
    public static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    static final String COMPATIBLE_PROVIDERS_TEXT = "openai, openai_compatible, vllm, ollama, openrouter, lmstudio";
    private static final Set<String> COMPATIBLE_PROVIDERS = Set.of(COMPATIBLE_PROVIDERS_TEXT.split(", "));
    private static final Duration TIMEOUT = Duration.ofSeconds(120);

    private final UnaryOperator<String> environment;
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    /** Reads the process environment. */
    public PolicyModels() {
        this(System::getenv);
    }

    /** Reads variables through {@code environment} (a name to its value, or null); for tests. */
    public PolicyModels(UnaryOperator<String> environment) {
        this.environment = environment;
    }

    /**
     * Which model {@code policy} resolves to, without building or calling it.
     *
     * @throws PolicyModelException when neither the policy nor the environment names a chat model
     */
    public PolicyModelChoice choose(PolicySpec policy) {
        String envBaseUrl = env(BASE_URL_ENV);
        if (policy != null && COMPATIBLE_PROVIDERS.contains(policy.provider()) && !policy.model().isBlank()) {
            if (policy.baseUrl() != null && !policy.baseUrl().isBlank()) {
                return new PolicyModelChoice(policy.baseUrl().strip(), policy.model(), "the rollout's [policy]");
            }
            return new PolicyModelChoice(envBaseUrl != null ? envBaseUrl : OPENAI_BASE_URL, policy.model(),
                    "the rollout's [policy] model at " + (envBaseUrl != null ? BASE_URL_ENV : "OpenAI"));
        }
        String envModel = env(MODEL_ENV);
        if (envModel == null && envBaseUrl == null && env(API_KEY_ENV) == null) {
            String named = policy == null ? "none" : "provider '" + policy.provider() + "'";
            throw new PolicyModelException("no policy chat model is configured (the rollout's policy names " + named
                    + "): set [policy] provider = \"openai\", model and base_url in the run config, or set "
                    + BASE_URL_ENV + " and " + MODEL_ENV + " (and " + API_KEY_ENV
                    + " if the server wants a key) in the container's environment");
        }
        return new PolicyModelChoice(envBaseUrl != null ? envBaseUrl : OPENAI_BASE_URL,
                envModel != null ? envModel : DEFAULT_MODEL, "the container's " + BASE_URL_ENV + "/" + MODEL_ENV);
    }

    /**
     * The chat model for {@code policy}, built once per (base URL, model).
     *
     * @throws PolicyModelException when no model is configured (see {@link #choose})
     */
    public ChatModel forPolicy(PolicySpec policy) {
        PolicyModelChoice choice = choose(policy);
        return models.computeIfAbsent(choice.baseUrl() + "\n" + choice.model(), k -> build(choice));
    }

    private ChatModel build(PolicyModelChoice choice) {
        String key = env(API_KEY_ENV);
        ChatModel model = OpenAiChatModel.builder()
                .baseUrl(choice.baseUrl())
                .apiKey(key != null ? key : "no-key")
                .modelName(choice.model())
                .temperature(0.0)
                .timeout(TIMEOUT)
                .maxRetries(0)
                .build();
        return new ExplainingChatModel(model, choice, key);
    }

    private String env(String name) {
        String value = environment.apply(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
