package dev.gepa4j.core.model;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the container's verifier said about one rollout. Every field may be absent (null) because containers
 * are not required to send a verifier block; {@code feedback} is the actionable text shown to proposers.
 *
 * @param passed           the verdict, or null when the container gave none
 * @param score            the verifier's own score, or null
 * @param feedback         actionable text about the whole rollout, or null
 * @param feedbackByModule per candidate field (a {@code module_id} of {@code /program}), the feedback meant for the
 *                         stage that field shapes; never null, empty when the container said nothing per field.
 *                         Entries with a blank name or text are dropped; the map is sorted by field name
 */
public record VerifierResult(Boolean passed, Double score, String feedback, Map<String, String> feedbackByModule) {
    public static final VerifierResult NONE = new VerifierResult(null, null, null);

    public VerifierResult {
        TreeMap<String, String> kept = new TreeMap<>();
        if (feedbackByModule != null) {
            feedbackByModule.forEach((field, text) -> {
                if (field != null && !field.isBlank() && text != null && !text.isBlank()) {
                    kept.put(field, text);
                }
            });
        }
        feedbackByModule = Collections.unmodifiableMap(kept);
    }

    /** A verdict with no per-field feedback. */
    public VerifierResult(Boolean passed, Double score, String feedback) {
        this(passed, score, feedback, Map.of());
    }

    /** The feedback the container addressed to {@code field}, or null when it sent none for that field. */
    public String feedbackFor(String field) {
        return feedbackByModule.get(field);
    }

    /** The same verdict with {@code text} added as the feedback for {@code field} (replacing any earlier text). */
    public VerifierResult withFeedbackFor(String field, String text) {
        TreeMap<String, String> more = new TreeMap<>(feedbackByModule);
        more.put(field, text);
        return new VerifierResult(passed, score, feedback, more);
    }
}
