package dev.gepa4j.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/** Content-derived candidate ids and payload hashes. */
public final class CandidateIds {
    private CandidateIds() {
    }

    /** {@code gepa_} + the first 12 hex characters of {@link #payloadHash}. */
    public static String of(Map<String, String> components) {
        return "gepa_" + payloadHash(components).substring(0, 12);
    }

    /**
     * sha256 over the components sorted by field, each written as length-prefixed field and text so that no two
     * different payloads share an encoding.
     */
    public static String payloadHash(Map<String, String> components) {
        MessageDigest sha = sha256();
        for (Map.Entry<String, String> e : new TreeMap<>(components).entrySet()) {
            update(sha, e.getKey());
            update(sha, e.getValue());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
