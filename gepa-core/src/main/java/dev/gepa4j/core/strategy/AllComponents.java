package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.Candidate;
import java.util.List;

/** Every mutable field in every proposal. */
public final class AllComponents implements ComponentSelector {

    @Override
    public List<String> fieldsToUpdate(Candidate parent, List<String> mutableFields) {
        if (mutableFields.isEmpty()) {
            throw new IllegalArgumentException("the program has no mutable fields to update");
        }
        return List.copyOf(mutableFields);
    }

    @Override
    public String name() {
        return "all";
    }
}
