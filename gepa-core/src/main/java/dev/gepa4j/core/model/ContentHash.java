package dev.gepa4j.core.model;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * sha256 over a sequence of texts, each written length-prefixed so that no two different sequences share an
 * encoding. The one hashing primitive behind candidate ids, rollout cache keys and rollout ids. Not thread-safe.
 */
public final class ContentHash {
    private final MessageDigest sha = sha256();

    private ContentHash() {
    }

    public static ContentHash start() {
        return new ContentHash();
    }

    /** Adds one text as {@code <utf-8 length>:<utf-8 bytes>}. */
    public ContentHash put(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        sha.update((bytes.length + ":").getBytes(StandardCharsets.US_ASCII));
        sha.update(bytes);
        return this;
    }

    /** The digest as 64 lower-case hex characters; the hash cannot be used afterwards. */
    public String hex() {
        return HexFormat.of().formatHex(sha.digest());
    }

    /** sha256 of the UTF-8 bytes of {@code text}, unprefixed, as hex. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(sha256().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
