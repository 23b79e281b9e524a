package dev.gepa4j.runtime.evidence;

/**
 * Rollouts of a run by how they went.
 *
 * @param executed  rollouts that called a container (not served by the cache)
 * @param cached    rollouts served by the cache
 * @param failed    rollouts whose status is FAILED or ERROR (cached or not)
 * @param retried   executed rollouts that needed more than one HTTP attempt
 * @param perSecond executed rollouts per second of run time so far, null before the first one
 */
public record RolloutCounts(long executed, long cached, long failed, long retried, Double perSecond) {
    public long total() {
        return executed + cached;
    }
}
