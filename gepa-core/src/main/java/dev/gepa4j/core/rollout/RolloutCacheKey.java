package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.ContentHash;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rollout cache key: sha256 over (candidate payload, example id, split, policy spec). Volatile fields (rollout
 * ids, run ids, timestamps, candidate ids) never enter it, so the same payload on the same example under the same
 * policy hits across runs.
 */
public final class RolloutCacheKey {
    private RolloutCacheKey() {
    }

    public static String of(Map<String, String> candidate, String exampleId, Split split, PolicySpec policy) {
        ContentHash hash = ContentHash.start().put("candidate");
        for (Map.Entry<String, String> e : new TreeMap<>(candidate).entrySet()) {
            hash.put(e.getKey()).put(e.getValue());
        }
        hash.put("example").put(exampleId).put("split").put(split.label()).put("policy")
                .put(policy.provider()).put(policy.model()).put(String.valueOf(policy.baseUrl()))
                .put(String.valueOf(policy.maxTokens()));
        for (Map.Entry<String, String> e : policy.extra().entrySet()) {
            hash.put(e.getKey()).put(e.getValue());
        }
        return hash.hex();
    }
}
