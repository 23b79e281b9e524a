package dev.gepa4j.tasks.banking77;

import java.util.List;

/**
 * The two splits used by the demo: {@code train} (from train.csv) and {@code heldout} (from test.csv).
 *
 * @param train   training examples, ids {@code train:0..n-1}
 * @param heldout heldout examples, ids {@code heldout:0..m-1}
 */
public record Banking77Splits(List<Banking77Example> train, List<Banking77Example> heldout) {
    public Banking77Splits {
        train = List.copyOf(train);
        heldout = List.copyOf(heldout);
    }
}
