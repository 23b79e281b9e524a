package dev.gepa4j.testkit.synthetic;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Rollouts as the container saw them: every execution of the task handler, by rollout id and by (candidate id,
 * example id). A rollout id repeated by a client retry is answered from the SDK's memory and never reaches the
 * handler, so it is not counted again. Thread-safe; snapshots are copies.
 */
public final class RolloutTally {
    private final AtomicLong executions = new AtomicLong();
    private final Map<String, AtomicInteger> byRolloutId = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> byCandidateAndExample = new ConcurrentHashMap<>();

    void record(String rolloutId, String candidateId, String exampleId) {
        executions.incrementAndGet();
        byRolloutId.computeIfAbsent(rolloutId, k -> new AtomicInteger()).incrementAndGet();
        byCandidateAndExample.computeIfAbsent(key(candidateId, exampleId), k -> new AtomicInteger()).incrementAndGet();
    }

    /** The key of {@link #byCandidateAndExample()}: {@code candidateId + " " + exampleId}. */
    public static String key(String candidateId, String exampleId) {
        return candidateId + " " + exampleId;
    }

    /** Handler executions so far. */
    public long executions() {
        return executions.get();
    }

    /** Distinct rollout ids executed so far. */
    public int distinctRolloutIds() {
        return byRolloutId.size();
    }

    /** Executions per rollout id, sorted by id. */
    public Map<String, Integer> byRolloutId() {
        return snapshot(byRolloutId);
    }

    /** Executions per (candidate id, example id), keyed by {@link #key}, sorted. */
    public Map<String, Integer> byCandidateAndExample() {
        return snapshot(byCandidateAndExample);
    }

    private static Map<String, Integer> snapshot(Map<String, AtomicInteger> counts) {
        Map<String, Integer> copy = new TreeMap<>();
        counts.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }
}
