package dev.gepa4j.sdk;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Recent rollout answers by {@code rollout_id}, least recently used evicted first. A request whose id is in flight
 * or remembered waits for that answer instead of running again, so client retries are idempotent.
 */
final class RolloutMemory {
    private final Map<String, CompletableFuture<byte[]>> answers;

    RolloutMemory(int capacity) {
        this.answers = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompletableFuture<byte[]>> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The answer slot for an id, and whether the caller is the first (and so must compute and complete it). */
    record Claim(CompletableFuture<byte[]> answer, boolean first) {
    }

    synchronized Claim claim(String rolloutId) {
        CompletableFuture<byte[]> existing = answers.get(rolloutId);
        if (existing != null) {
            return new Claim(existing, false);
        }
        CompletableFuture<byte[]> fresh = new CompletableFuture<>();
        answers.put(rolloutId, fresh);
        return new Claim(fresh, true);
    }

    /** Drops an id whose first attempt failed unexpectedly, so a retry runs again. */
    synchronized void forget(String rolloutId) {
        answers.remove(rolloutId);
    }
}
