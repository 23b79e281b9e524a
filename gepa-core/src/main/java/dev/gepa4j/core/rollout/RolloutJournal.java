package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.RolloutResult;
import java.util.List;
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

    /**
     * The runner is done with the cache key for now, whether or not it appended a result. A journal shared by several
     * processes may hold a claim on a key {@link #findAnyRun} found nothing for (so that no other process executes it
     * meanwhile) and gives it back here if no append did. Does nothing by default.
     */
    default void settled(String cacheKey) {
    }

    /** Measured rollouts the containers produced for this run (journal rows that are not cache hits), all processes. */
    long executedInRun();

    /**
     * Rollouts this run has used, what {@code max_rollouts} counts: its measured journal rows, executed or taken from
     * the shared cache, across all its processes.
     */
    long usedInRun();

    /** Container calls (HTTP attempts, retries and errors included) this run's journal rows record, all processes. */
    long containerCallsInRun();

    /**
     * The ERROR rows this process appended for the cache key, oldest first (empty when none). Errors of earlier
     * processes of the run do not count: a run is resumed after its container was fixed, and then tries again.
     */
    List<RolloutResult> errorsInRun(String cacheKey);
}
