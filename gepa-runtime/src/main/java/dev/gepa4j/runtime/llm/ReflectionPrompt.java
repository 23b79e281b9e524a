package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.runtime.reflection.Cut;
import dev.gepa4j.runtime.reflection.FieldEvidence;
import dev.gepa4j.runtime.reflection.ReflectionBounds;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the meta-prompt for one field of a packet, showing each example's evidence scoped to that field
 * ({@link FieldEvidence}: the trace steps tagged with the field plus the untagged ones, and the field's own
 * feedback). Everything shown is size-bounded so long agent traces or huge inputs cannot blow up the context: at
 * most {@code maxFailuresShown} failures and {@value #MAX_SUCCESSES_SHOWN} successes, inputs and outputs cut to
 * {@value #MAX_CASE_CHARS} characters, trace steps, traces and feedback cut to {@link ReflectionBounds}, at most
 * {@value #MAX_REJECTED_SHOWN} rejected attempts, the task's texts cut to {@value #MAX_TASK_TEXT_CHARS}; then the
 * examples' share shrinks until the whole prompt fits {@link ReflectionBounds#maxPromptChars()}, which only the
 * field's current text (never cut) can make it pass.
 */
final class ReflectionPrompt {
    static final int MAX_CASE_CHARS = 1_500;
    static final int MAX_REJECTED_SHOWN = 5;
    static final int MAX_SUCCESSES_SHOWN = 3;
    static final int MAX_TASK_TEXT_CHARS = 4_000;
    /** Tries at shrinking the examples before the last ones are dropped. */
    private static final int FIT_ROUNDS = 6;

    private ReflectionPrompt() {
    }

    static String render(MetaPrompt template, ProposalPacket packet, String field, LlmProposerSettings settings,
                         int count) {
        return render(template, packet, field, settings, count, ReflectionBounds.DEFAULT);
    }

    static String render(MetaPrompt template, ProposalPacket packet, String field, LlmProposerSettings settings,
                         int count, ReflectionBounds bounds) {
        String format = MetaPrompt.resource(settings.editMode() == EditMode.EDIT
                ? "answer-format-edit.md" : "answer-format-rewrite.md");
        Map<String, String> values = new HashMap<>();
        values.put("field", field);
        values.put("task_description", Cut.middle(packet.taskDescription(), MAX_TASK_TEXT_CHARS));
        values.put("current_text", FencedBlocks.fence(packet.parent().components().getOrDefault(field, "")));
        values.put("scores", scores(packet));
        String diff = packet.parentDiff().getOrDefault(field, "");
        values.put("parent_diff", diff.isBlank() ? "" : FencedBlocks.fence(FailureCase.excerpt(diff, MAX_CASE_CHARS)));
        values.put("frontier_summary", Cut.middle(packet.frontierSummary(), MAX_TASK_TEXT_CHARS));
        values.put("proposer_hints", Cut.middle(packet.proposerHints(), MAX_TASK_TEXT_CHARS));
        values.put("rejected_attempts", rejected(packet.rejectedAttempts(), field));
        values.put("answer_format", format.replace("{{count}}", Integer.toString(count))
                .replace("{{max_edits}}", Integer.toString(settings.maxEdits())).replace("{{field}}", field).strip());
        List<FailureCase> failures = packet.failures().subList(0, Math.min(settings.maxFailuresShown(),
                packet.failures().size()));
        List<FailureCase> successes = packet.successes().subList(0, Math.min(MAX_SUCCESSES_SHOWN,
                packet.successes().size()));
        double factor = 1.0;
        String prompt = "";
        for (int round = 0; round <= FIT_ROUNDS; round++) {
            boolean last = round == FIT_ROUNDS;
            ReflectionBounds scaled = bounds.scaled(factor);
            int caseChars = Math.max(Cut.MIN_BOUND, (int) (MAX_CASE_CHARS * factor));
            values.put("failures", cases(last ? List.of() : failures, packet.failures().size(), field, scaled,
                    caseChars, "Failure"));
            values.put("successes", cases(last ? List.of() : successes, packet.successes().size(), field, scaled,
                    caseChars, "Success"));
            prompt = template.render(values);
            if (prompt.length() <= bounds.maxPromptChars()) {
                return prompt;
            }
            int casesLength = values.get("failures").length() + values.get("successes").length();
            int room = bounds.maxPromptChars() - (prompt.length() - casesLength);
            factor *= Math.max(0.05, Math.min(0.9, (double) room / Math.max(1, casesLength)));
        }
        return prompt; // the examples are gone: only the field's own text keeps it over the bound
    }

    private static String scores(ProposalPacket p) {
        String train = p.parentTrainMean() == null ? "not measured yet" : fmt(p.parentTrainMean());
        return "Mean reward on this minibatch: " + fmt(p.parentMinibatchMean()) + " (" + p.failures().size()
                + " case(s) below full marks shown). Mean reward on the whole training set: " + train + ".";
    }

    private static String cases(List<FailureCase> cases, int total, String field, ReflectionBounds bounds,
                                int caseChars, String label) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < cases.size(); i++) {
            FailureCase c = cases.get(i);
            FieldEvidence.Excerpt e = FieldEvidence.of(c, field, bounds);
            sb.append("### ").append(label).append(' ').append(i + 1).append(" (example ")
                    .append(Cut.middle(c.exampleId(), 120)).append(", reward ").append(fmt(c.reward())).append(")\n");
            sb.append("Input:\n").append(FencedBlocks.fence(Cut.middle(c.input(), caseChars))).append('\n');
            sb.append("Program output:\n").append(FencedBlocks.fence(Cut.middle(c.output(), caseChars))).append('\n');
            var v = c.verifier();
            sb.append("Verifier: passed=").append(v.passed() == null ? "n/a" : v.passed())
                    .append(", score=").append(v.score() == null ? "n/a" : fmt(v.score())).append('\n');
            feedback(sb, e, field);
            if (!e.trace().isBlank()) {
                sb.append(e.scoped() ? "Trace steps of \"" + field + "\" (and untagged steps):\n" : "Trace:\n")
                        .append(FencedBlocks.fence(e.trace())).append('\n');
            }
            sb.append('\n');
        }
        if (total > cases.size()) {
            sb.append("(").append(total - cases.size()).append(" more not shown)\n");
        }
        return sb.toString().strip();
    }

    private static void feedback(StringBuilder sb, FieldEvidence.Excerpt e, String field) {
        if (!e.perField()) {
            if (e.overallFeedback() != null) {
                sb.append("Feedback: ").append(e.overallFeedback()).append('\n');
            }
            return;
        }
        sb.append("Feedback for \"").append(field).append("\": ").append(e.fieldFeedback() != null
                ? e.fieldFeedback() : "(none: on this example the verifier blamed " + e.addressedFields() + ")")
                .append('\n');
        if (e.overallFeedback() != null) {
            sb.append("Overall verdict: ").append(e.overallFeedback()).append('\n');
        }
    }

    private static String rejected(List<RejectedAttempt> attempts, String field) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(MAX_REJECTED_SHOWN, attempts.size());
        for (int i = 0; i < shown; i++) {
            RejectedAttempt a = attempts.get(i);
            String text = a.components().getOrDefault(field, String.join("\n\n", a.components().values()));
            sb.append("### Rejected attempt ").append(i + 1).append(" (why: ")
                    .append(Cut.middle(a.reason(), MAX_CASE_CHARS)).append(")\n")
                    .append(FencedBlocks.fence(FailureCase.excerpt(text, MAX_CASE_CHARS))).append("\n\n");
        }
        return sb.toString().strip();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
