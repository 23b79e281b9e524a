package dev.gepa4j.tasks.banking77;

import java.util.List;
import java.util.Optional;

/**
 * What the policy answered for one message, with the evidence the verifier turns into feedback.
 *
 * @param label            the predicted label
 * @param rawOutput        the text a model would have returned (the label itself)
 * @param promptTokens     approximate prompt tokens: words of the prompt plus words of the message
 * @param completionTokens approximate completion tokens (always 1: the label)
 * @param embeddingLabel   the label the similarity ranking chose before any rule fired
 * @param evidence         what made {@code embeddingLabel} win, e.g. {@code example "my card is late"}
 * @param firedRule        the rendered rule that changed the answer, if one did
 * @param ranking          the best few labels by similarity, best first
 */
public record IntentPrediction(
        String label,
        String rawOutput,
        int promptTokens,
        int completionTokens,
        String embeddingLabel,
        String evidence,
        Optional<String> firedRule,
        List<ScoredLabel> ranking) {

    public IntentPrediction {
        ranking = List.copyOf(ranking);
    }

    /** A label with its best similarity and the prototype that produced it. */
    public record ScoredLabel(String label, double score, String evidence) {}
}
