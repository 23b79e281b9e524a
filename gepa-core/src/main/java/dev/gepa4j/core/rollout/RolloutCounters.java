package dev.gepa4j.core.rollout;

/**
 * What a {@link RolloutQueue} has done since it was created, for the console, progress bars, the evidence packet
 * and benchmarks. A snapshot; counts never decrease.
 *
 * @param executed    container calls that produced a result (OK or FAILED); each spent one budget unit
 * @param cached      jobs answered from the run's journal or the shared cache, without a container call
 * @param failed      executed rollouts whose example failed inside the container (status FAILED)
 * @param errors      logical rollouts given up after retries or on a non-retriable failure (status ERROR)
 * @param retried     extra attempts made after retriable failures
 * @param concurrency the current adaptive concurrency limit
 * @param inFlight    rollouts holding a permit right now
 * @param containerCalls HTTP attempts at rollouts so far, retries and failed attempts included (earlier processes of
 *                    the run included)
 * @param notResent   jobs answered with their pair's earlier error instead of being sent again
 */
public record RolloutCounters(long executed, long cached, long failed, long errors, long retried, int concurrency,
                              int inFlight, long containerCalls, long notResent) {
}
