package dev.gepa4j.tasks.ifeval;

import java.util.List;

/** The container's disjoint splits. Immutable. */
public record IfevalSplits(List<IfevalExample> train, List<IfevalExample> validation, List<IfevalExample> test) {
    public IfevalSplits {
        train = List.copyOf(train);
        validation = List.copyOf(validation);
        test = List.copyOf(test);
    }
}
