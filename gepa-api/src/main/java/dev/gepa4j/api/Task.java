package dev.gepa4j.api;

import java.util.Map;

/**
 * A task as a plain function: run the program with a candidate's texts on one example and judge the result.
 *
 * <p>Called from many threads at once (rollouts run in parallel on virtual threads), so it must be thread-safe. An
 * exception thrown here is not a crash: the rollout is recorded as failed (reward 0, the exception's class and message
 * in its trace), which the proposer reads like any other failure.
 *
 * @param <T> the type of the examples
 */
@FunctionalInterface
public interface Task<T> {

    /**
     * @param candidate the candidate's texts, field name to text (every field of the seed candidate)
     * @param example   one example of the train, pareto, heldout or test rows
     * @return the score in [0, 1] with feedback, and optionally the output and a trace
     * @throws Exception when the example could not be run or judged (recorded as a failed rollout)
     */
    Evaluation evaluate(Map<String, String> candidate, T example) throws Exception;
}
