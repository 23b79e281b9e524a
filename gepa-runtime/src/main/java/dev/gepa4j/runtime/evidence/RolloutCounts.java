package dev.gepa4j.runtime.evidence;

/**
 * Rollouts of a run by how they went, counted from its journal rows; the run's summary line prints these same
 * numbers. The test split's rollouts are counted apart ({@code test}): they are not part of the optimization budget
 * and appear in none of the other counts.
 *
 * @param used           measured rollouts the run took, executed or cached: what {@code max_rollouts} counts
 * @param executed       measured rollouts a container produced for this run
 * @param cached         measured rollouts taken from the cache of an earlier run
 * @param errors         rollouts that measured nothing (status ERROR: given up, or refused for good); never in a score
 * @param failed         measured rollouts whose example failed inside the container (status FAILED, reward 0)
 * @param retried        executed or errored rollouts that needed more than one HTTP attempt
 * @param containerCalls HTTP attempts at rollouts, retries and errors included: what the containers were asked to do
 * @param perSecond      executed rollouts per second of run time so far, null before the first one
 * @param test           rollouts on the test split (the seed and the final pick, after the loop; errors included)
 */
public record RolloutCounts(long used, long executed, long cached, long errors, long failed, long retried,
                            long containerCalls, Double perSecond, long test) {
    /** Same as {@link #used()}. */
    public long total() {
        return used;
    }
}
