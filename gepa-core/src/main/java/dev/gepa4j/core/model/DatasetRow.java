package dev.gepa4j.core.model;

import java.util.Objects;

/**
 * A row of the container's data set as {@code POST /dataset/rows} returned it.
 *
 * @param ref       which example this is
 * @param rowJson   the row exactly as received (a JSON object), sent back as {@code dataset_row} in rollouts
 * @param inputText a human-readable input for proposers and the console (the row's text, prompt or question
 *                  field when the container has one, else the row JSON)
 */
public record DatasetRow(ExampleRef ref, String rowJson, String inputText) {
    public DatasetRow {
        Objects.requireNonNull(ref, "ref");
        Objects.requireNonNull(rowJson, "rowJson");
        inputText = inputText == null ? rowJson : inputText;
    }
}
