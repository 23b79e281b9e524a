package dev.gepa4j.tasks.banking77;

import java.util.List;
import java.util.Objects;

/**
 * A prompt line {@code - card_arrival: the customer is waiting for a card, e.g. "my card has not come"}.
 *
 * @param label    one of the 77 labels
 * @param prose    the description without its quoted example phrases (may be empty)
 * @param examples quoted example phrases, in prompt order (may be empty)
 */
public record LabelDescription(String label, String prose, List<String> examples) {
    public LabelDescription {
        Objects.requireNonNull(label, "label");
        prose = prose == null ? "" : prose.strip();
        examples = List.copyOf(examples);
    }

    /** The line as the dialect writes it, without the leading bullet. */
    public String render() {
        StringBuilder line = new StringBuilder(label).append(": ").append(prose);
        if (!examples.isEmpty()) {
            line.append(prose.isEmpty() ? "e.g. " : ", e.g. ");
            line.append(String.join("; ", examples.stream().map(e -> "\"" + e + "\"").toList()));
        }
        return line.toString();
    }
}
