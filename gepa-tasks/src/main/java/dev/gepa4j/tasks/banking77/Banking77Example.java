package dev.gepa4j.tasks.banking77;

import java.util.Objects;

/**
 * One labelled customer message of a Banking77 split.
 *
 * @param seed      the zero-based position of this example inside its split
 * @param exampleId a stable identifier such as {@code train:17}; the same for the same split seed and sizes
 * @param text      the customer message exactly as stored in the CSV (whitespace kept)
 * @param label     the gold intent, one of the 77 labels of {@code categories.json}
 */
public record Banking77Example(int seed, String exampleId, String text, String label) {
    public Banking77Example {
        Objects.requireNonNull(exampleId, "exampleId");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
