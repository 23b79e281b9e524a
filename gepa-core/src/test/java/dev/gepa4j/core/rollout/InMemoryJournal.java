package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** A journal in memory: this run's rows, plus a shared map standing for other runs of the workspace. */
class InMemoryJournal implements RolloutJournal {
    final List<RolloutResult> rows = new CopyOnWriteArrayList<>();
    final Map<String, List<RolloutResult>> errors = new ConcurrentHashMap<>();
    final Map<String, RolloutResult> own = new ConcurrentHashMap<>();
    final Map<String, RolloutResult> otherRuns = new ConcurrentHashMap<>();

    @Override
    public void append(Stage stage, String cacheKey, RolloutResult result) {
        rows.add(result);
        if (result.measured()) {
            own.putIfAbsent(cacheKey, result);
        } else {
            errors.computeIfAbsent(cacheKey, k -> new CopyOnWriteArrayList<>()).add(result);
        }
    }

    @Override
    public Optional<RolloutResult> findInRun(String cacheKey) {
        return Optional.ofNullable(own.get(cacheKey));
    }

    @Override
    public Optional<RolloutResult> findAnyRun(String cacheKey) {
        return Optional.ofNullable(own.getOrDefault(cacheKey, otherRuns.get(cacheKey)));
    }

    @Override
    public long executedInRun() {
        return rows.stream().filter(r -> r.measured() && !r.cached()).count();
    }

    @Override
    public long usedInRun() {
        return rows.stream().filter(RolloutResult::measured).count();
    }

    @Override
    public long containerCallsInRun() {
        return rows.stream().mapToLong(RolloutResult::attempts).sum();
    }

    @Override
    public List<RolloutResult> errorsInRun(String cacheKey) {
        return List.copyOf(errors.getOrDefault(cacheKey, List.of()));
    }
}
