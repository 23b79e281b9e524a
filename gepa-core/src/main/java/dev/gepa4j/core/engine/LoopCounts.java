package dev.gepa4j.core.engine;

/**
 * What the loop did in this process (a resumed run counts its replayed proposals too, so these equal the
 * uninterrupted run's counts; rollouts are counted as the runner reported them in this process).
 *
 * @param rolloutsExecuted container calls made by this process
 * @param rolloutsCached   jobs answered from the journal or the cache
 */
public record LoopCounts(int proposals, int accepted, int rejected, int duplicates, int proposerFailed, int skipped,
                         int failed, int mergeAttempts, long rolloutsExecuted, long rolloutsCached) {
}
