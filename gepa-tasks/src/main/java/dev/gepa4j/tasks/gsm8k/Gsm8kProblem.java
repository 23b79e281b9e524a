package dev.gepa4j.tasks.gsm8k;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One GSM8K word problem.
 *
 * @param line     0-based line number in the bundled {@code test.jsonl}; the stable id of the problem
 * @param question the word problem
 * @param solution the data set's worked solution (never shown to a policy or a proposer)
 * @param answer   the gold final answer (the number after {@code ####}, commas removed)
 */
public record Gsm8kProblem(int line, String question, String solution, BigDecimal answer) {
    public Gsm8kProblem {
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(solution, "solution");
        Objects.requireNonNull(answer, "answer");
    }

    /** The example id used on the wire, e.g. {@code gsm8k:17}; the same in every split. */
    public String exampleId() {
        return "gsm8k:" + line;
    }
}
