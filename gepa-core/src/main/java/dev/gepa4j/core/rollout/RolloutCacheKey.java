package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
        MessageDigest sha = sha256();
        put(sha, "candidate");
        for (Map.Entry<String, String> e : new TreeMap<>(candidate).entrySet()) {
            put(sha, e.getKey());
            put(sha, e.getValue());
        }
        put(sha, "example");
        put(sha, exampleId);
        put(sha, "split");
        put(sha, split.label());
        put(sha, "policy");
        put(sha, policy.provider());
        put(sha, policy.model());
        put(sha, String.valueOf(policy.baseUrl()));
        put(sha, String.valueOf(policy.maxTokens()));
        for (Map.Entry<String, String> e : policy.extra().entrySet()) {
            put(sha, e.getKey());
            put(sha, e.getValue());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void put(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
