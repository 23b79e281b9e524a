package dev.gepa4j.langchain4j;

import dev.gepa4j.api.Evaluation;

/**
 * Judges the AI Service's answer to one example: a score in [0, 1] and feedback in words that the proposer reads
 * ({@link Evaluation#of(double, String)}). An exception thrown here is recorded as a failed rollout, not a crash.
 *
 * @param <E> the type of the examples
 * @param <R> what the service method returns
 */
@FunctionalInterface
public interface Metric<E, R> {
    Evaluation score(E example, R answer) throws Exception;
}
