package dev.gepa4j.api;

import dev.gepa4j.sdk.TraceEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a candidate did on one example.
 *
 * @param score    in [0, 1], 1 for fully right
 * @param feedback what was wrong and how to do better, in words: the proposer reads it (may be empty)
 * @param output   the program's answer, shown to the proposer and in the report (may be empty)
 * @param trace    the steps of the run, in order; tag each with the candidate field that shaped it
 *                 ({@link TraceEvent#of}) so a proposer rewriting that field is shown its steps
 * @param feedbackByField feedback meant for one candidate field (what that field's stage did wrong), by field name;
 *                 a proposer rewriting the field is shown it (empty for none)
 */
public record Evaluation(double score, String feedback, String output, List<TraceEvent> trace,
                         Map<String, String> feedbackByField) {
    public Evaluation {
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be in [0, 1], was " + score
                    + ": scale the metric (e.g. correct / total)");
        }
        feedback = feedback == null ? "" : feedback;
        output = output == null ? "" : output;
        trace = List.copyOf(Objects.requireNonNullElse(trace, List.of()));
        feedbackByField = Map.copyOf(Objects.requireNonNullElse(feedbackByField, Map.of()));
    }

    /** An evaluation without feedback for single fields. */
    public Evaluation(double score, String feedback, String output, List<TraceEvent> trace) {
        this(score, feedback, output, trace, Map.of());
    }

    /** A score with feedback, no output and no trace. */
    public static Evaluation of(double score, String feedback) {
        return new Evaluation(score, feedback, "", List.of());
    }

    /** This evaluation with the program's answer. */
    public Evaluation withOutput(String programOutput) {
        return new Evaluation(score, feedback, programOutput, trace, feedbackByField);
    }

    /** This evaluation with a trace. */
    public Evaluation withTrace(List<TraceEvent> steps) {
        return new Evaluation(score, feedback, output, steps, feedbackByField);
    }

    /** This evaluation with feedback meant for the candidate field {@code field}. */
    public Evaluation withFeedbackFor(String field, String text) {
        Map<String, String> more = new TreeMap<>(feedbackByField);
        more.put(Objects.requireNonNull(field, "field"), Objects.requireNonNull(text, "text"));
        return new Evaluation(score, feedback, output, trace, more);
    }
}
