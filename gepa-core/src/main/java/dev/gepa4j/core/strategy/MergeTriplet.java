package dev.gepa4j.core.strategy;

import java.util.Objects;

/**
 * Two frontier candidates and a common ancestor to merge them through. {@code parentA} is the one registered first;
 * a triplet is tried at most once per run.
 */
public record MergeTriplet(String parentA, String parentB, String ancestor) {
    public MergeTriplet {
        Objects.requireNonNull(parentA, "parentA");
        Objects.requireNonNull(parentB, "parentB");
        Objects.requireNonNull(ancestor, "ancestor");
        if (parentA.equals(parentB)) {
            throw new IllegalArgumentException("a merge needs two different parents, got " + parentA + " twice");
        }
    }
}
