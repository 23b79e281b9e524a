package dev.gepa4j.sdk;

import java.util.Map;
import java.util.Objects;

/**
 * One example of the data set, as {@code /dataset/rows} serves it: {@code {example_id, seed, split, ...fields}}.
 *
 * @param exampleId stable id, e.g. {@code train:7}
 * @param fields    the row's own fields (input text, label, ...); must not use the names above
 */
public record ExampleRow(String exampleId, long seed, String split, Map<String, String> fields) {
    public ExampleRow {
        Objects.requireNonNull(exampleId, "exampleId");
        Objects.requireNonNull(split, "split");
        fields = Map.copyOf(fields);
    }

    /** A field's value, or an exception naming the missing field (a handler bug, not a client mistake). */
    public String field(String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalStateException("row " + exampleId + " has no field '" + name + "'");
        }
        return value;
    }
}
