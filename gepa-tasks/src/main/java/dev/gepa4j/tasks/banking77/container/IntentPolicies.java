package dev.gepa4j.tasks.banking77.container;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.tasks.banking77.EmbeddedIntentPolicy;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The policies the Banking77 container can run, picked per rollout from the request's policy spec:
 * {@code embedded} (the default, in-process, offline) or {@code openai} (an OpenAI-compatible chat model at
 * {@code policy.base_url}, key from the container's own {@code OPENAI_API_KEY}).
 */
public final class IntentPolicies {
    private final EmbeddedIntentPolicy embedded;
    private final Map<String, ChatIntentPolicy> chatPolicies = new ConcurrentHashMap<>();

    public IntentPolicies(EmbeddedIntentPolicy embedded) {
        this.embedded = embedded;
    }

    public EmbeddedIntentPolicy embedded() {
        return embedded;
    }

    /** The classifier for a policy spec; throws {@link IllegalArgumentException} for an unknown provider. */
    public IntentClassifier forProvider(PolicySpec policy) {
        return switch (policy.provider()) {
            case "embedded" -> embedded::classify;
            case "openai", "openai_compatible", "vllm", "ollama", "openrouter" -> chatPolicies.computeIfAbsent(
                    policy.provider() + "|" + policy.baseUrl() + "|" + policy.model() + "|" + policy.maxTokens(),
                    k -> ChatIntentPolicy.create(policy, dev.gepa4j.tasks.banking77.Banking77Prompts.labels()))::classify;
            default -> throw new IllegalArgumentException("policy provider '" + policy.provider()
                    + "' is not supported by the banking77 container: use embedded or openai");
        };
    }
}
