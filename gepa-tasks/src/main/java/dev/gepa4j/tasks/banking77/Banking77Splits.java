package dev.gepa4j.tasks.banking77;

import java.util.List;

/**
 * The splits used by the demo: {@code train} and {@code validation} (from train.csv, disjoint) and {@code heldout}
 * (from test.csv).
 *
 * @param train      training examples, ids {@code train:0..n-1}
 * @param validation train.csv examples after the train prefix, ids {@code validation:0..v-1} (may be empty)
 * @param heldout    heldout examples, ids {@code heldout:0..m-1}
 */
public record Banking77Splits(List<Banking77Example> train, List<Banking77Example> validation,
                              List<Banking77Example> heldout) {
    public Banking77Splits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        heldout = List.copyOf(heldout);
    }

    /** Train and heldout only. */
    public Banking77Splits(List<Banking77Example> train, List<Banking77Example> heldout) {
        this(train, List.of(), heldout);
    }
}
