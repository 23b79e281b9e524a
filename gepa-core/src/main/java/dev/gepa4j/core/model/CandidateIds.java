package dev.gepa4j.core.model;

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

    /** sha256 over the components sorted by field, each field and text written length-prefixed. */
    public static String payloadHash(Map<String, String> components) {
        ContentHash hash = ContentHash.start();
        for (Map.Entry<String, String> e : new TreeMap<>(components).entrySet()) {
            hash.put(e.getKey()).put(e.getValue());
        }
        return hash.hex();
    }
}
