package dev.gepa4j.tasks.banking77;

import java.util.Objects;

/**
 * One misclassified training message handed to {@link OfflinePromptEditor}.
 *
 * @param message   the customer message
 * @param expected  the gold label
 * @param predicted the label the current prompt produced
 * @param feedback  the verifier's feedback text (shown to people; the editor reads the prompt itself)
 */
public record ClassificationFailure(String message, String expected, String predicted, String feedback) {
    public ClassificationFailure {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(predicted, "predicted");
        feedback = feedback == null ? "" : feedback;
    }
}
