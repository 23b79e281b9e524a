package dev.gepa4j.core.model;

import dev.gepa4j.core.secret.SecretNames;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which model the container should call for the policy. Sent in every rollout request and part of the rollout
 * cache key. It never holds a key: credentials stay in the container's environment.
 *
 * @param provider  e.g. {@code embedded}, {@code openai}
 * @param model     model name
 * @param baseUrl   OpenAI-compatible base URL, or null
 * @param maxTokens completion limit, or null
 * @param extra     further string settings passed through (sorted, so the cache key is stable); a name that
 *                  {@link SecretNames#isSecret} calls a secret is refused
 */
public record PolicySpec(String provider, String model, String baseUrl, Integer maxTokens, Map<String, String> extra) {
    public PolicySpec {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(model, "model");
        extra = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(extra == null ? Map.of() : extra));
        for (String k : extra.keySet()) {
            if (SecretNames.isSecret(k)) {
                throw new IllegalArgumentException("policy setting '" + k
                        + "' looks like a key: keys never travel to containers; set them in the container's environment");
            }
        }
    }

    public static PolicySpec of(String provider, String model) {
        return new PolicySpec(provider, model, null, null, Map.of());
    }
}
