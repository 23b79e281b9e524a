package dev.gepa4j.tasks.banking77;

import java.util.Locale;
import java.util.Optional;

/**
 * Scores a prediction against the gold label (exact label match: reward 1 or 0) and explains failures in terms of
 * the prompt, so a reflective editor (human, LLM or {@link OfflinePromptEditor}) knows what to change. Stateless.
 */
public final class IntentVerifier {
    private final PolicyDialect dialect;

    /** A verifier reading prompts with {@code dialect} (use {@link EmbeddedIntentPolicy#dialect()}). */
    public IntentVerifier(PolicyDialect dialect) {
        this.dialect = dialect;
    }

    /** Judges {@code prediction} for {@code message} made under {@code prompt}, where {@code gold} is correct. */
    public IntentVerdict verify(String prompt, String message, String gold, IntentPrediction prediction) {
        String predicted = prediction.label();
        if (predicted.equals(gold)) {
            return new IntentVerdict(1.0, "Correct: " + gold + " (won by " + prediction.evidence() + ").");
        }
        PolicyPrompt policy = dialect.parse(prompt);
        StringBuilder out = new StringBuilder("Expected " + gold + " but the prompt led to " + predicted + ".");
        Optional<LabelDescription> goldDescription = policy.descriptionOf(gold);
        if (goldDescription.isEmpty()) {
            out.append(" The prompt has no description for ").append(gold)
                    .append(", so it is known only by its label name.");
        } else if (goldDescription.get().examples().isEmpty()) {
            out.append(" The description of ").append(gold).append(" has no example phrase like this message.");
        }
        if (prediction.firedRule().isPresent()) {
            out.append(" Rule '").append(prediction.firedRule().get()).append("' moved the answer from ")
                    .append(prediction.embeddingLabel()).append(" to ").append(predicted).append('.');
        } else {
            out.append(' ').append(predicted).append(" won by its ").append(prediction.evidence()).append('.');
            sharedWord(policy, predicted, message).ifPresent(w -> out.append(" The description of ").append(predicted)
                    .append(" mentions '").append(w).append("', which this message also contains."));
        }
        prediction.ranking().stream().filter(s -> s.label().equals(gold)).findFirst().ifPresentOrElse(
                s -> out.append(String.format(Locale.ROOT, " %s was a close candidate (%.2f vs %.2f).", gold,
                        s.score(), prediction.ranking().getFirst().score())),
                () -> out.append(' ').append(gold).append(" was not among the top candidates."));
        return new IntentVerdict(0.0, out.toString());
    }

    /** A word (4+ letters) that the predicted label's description and the message share, if any. */
    private static Optional<String> sharedWord(PolicyPrompt policy, String label, String message) {
        String normalized = DisambiguationRule.normalize(message);
        return policy.descriptionOf(label).stream()
                .flatMap(d -> java.util.stream.Stream.concat(java.util.stream.Stream.of(d.prose()), d.examples().stream()))
                .flatMap(t -> Words.content(t).stream())
                .filter(w -> w.length() >= 4 && normalized.contains(" " + w + " "))
                .sorted()
                .findFirst();
    }
}
