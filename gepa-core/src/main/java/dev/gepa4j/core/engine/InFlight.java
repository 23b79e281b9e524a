package dev.gepa4j.core.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reflective proposals in flight: for each parent, how many of them are rewriting each field. Overlapped lanes
 * read it when planning so concurrent proposals spread over (parent, field) pairs instead of repeating one another
 * (see {@link ReflectionPlanner}). A serial run plans with nothing in flight, so this never changes a serial run.
 *
 * <p>Not thread-safe: {@link LoopState} owns the one instance and calls it only under its lock.
 */
final class InFlight {
    private final Map<String, Map<String, Integer>> byParent = new HashMap<>();

    /** Fields some proposal in flight is rewriting from this parent, sorted. */
    Set<String> busy(String parentId) {
        return new TreeSet<>(byParent.getOrDefault(parentId, Map.of()).keySet());
    }

    /** True when every one of {@code fields} is already being rewritten from this parent. */
    boolean saturated(String parentId, List<String> fields) {
        return busy(parentId).containsAll(fields);
    }

    void claim(String parentId, List<String> fields) {
        Map<String, Integer> counts = byParent.computeIfAbsent(parentId, k -> new HashMap<>());
        fields.forEach(f -> counts.merge(f, 1, Integer::sum));
    }

    /** Undoes one {@link #claim} with the same arguments. */
    void release(String parentId, List<String> fields) {
        Map<String, Integer> counts = byParent.get(parentId);
        if (counts == null) {
            return;
        }
        fields.forEach(f -> counts.computeIfPresent(f, (k, n) -> n > 1 ? n - 1 : null));
        if (counts.isEmpty()) {
            byParent.remove(parentId);
        }
    }
}
