package dev.gepa4j.tasks.gsm8k;

import java.util.List;

/**
 * The GSM8K container's splits, disjoint.
 *
 * @param train problems for reflection minibatches and the frontier (split name {@code train})
 * @param test  problems for heldout and test roles (split name {@code test})
 */
public record Gsm8kSplits(List<Gsm8kProblem> train, List<Gsm8kProblem> test) {
    public Gsm8kSplits {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }
}
