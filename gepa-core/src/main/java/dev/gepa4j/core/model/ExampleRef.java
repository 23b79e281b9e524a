package dev.gepa4j.core.model;

import java.util.Objects;

/**
 * One example of the task: its split, the integer seed the container knows it by, and the stable
 * {@code example_id} the container gave it in {@code /dataset/rows}.
 */
public record ExampleRef(Split split, long seed, String exampleId) {
    public ExampleRef {
        Objects.requireNonNull(split, "split");
        Objects.requireNonNull(exampleId, "exampleId");
        if (exampleId.isBlank()) {
            throw new IllegalArgumentException("exampleId must not be blank");
        }
    }
}
