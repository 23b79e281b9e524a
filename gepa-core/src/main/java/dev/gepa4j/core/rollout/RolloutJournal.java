package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.Optional;

/**
 * Durable storage of finished rollouts, usually the workspace.
 *
 * <p>{@link #append} must be durable (committed) when it returns: the runner counts a rollout only after that.
 * Lookups are by cache key; {@link #findInRun} sees only this run's rollouts (used whatever the cache mode, so a
 * resumed run never repeats a finished rollout), {@link #findAnyRun} sees every run in the workspace (the shared
 * cache). Only measured results (OK, FAILED) are returned by lookups; ERROR results are recorded but never reused.
 */
public interface RolloutJournal {

    void append(Stage stage, String cacheKey, RolloutResult result);

    Optional<RolloutResult> findInRun(String cacheKey);

    Optional<RolloutResult> findAnyRun(String cacheKey);

    /** Container calls this run has made so far (journal rows that are not cache hits), across all its processes. */
    long executedInRun();
}
