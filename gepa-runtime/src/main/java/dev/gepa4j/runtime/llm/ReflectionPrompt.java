package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.RejectedAttempt;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Renders the meta-prompt for one field of a packet. Everything shown is size-bounded so long agent traces or huge
 * inputs cannot blow up the context: at most {@code maxFailuresShown} failures, inputs and outputs cut to
 * {@value #MAX_CASE_CHARS} characters, traces already cut by {@link FailureCase}, at most
 * {@value #MAX_REJECTED_SHOWN} rejected attempts.
 */
final class ReflectionPrompt {
    static final int MAX_CASE_CHARS = 1_500;
    static final int MAX_REJECTED_SHOWN = 5;
    static final int MAX_SUCCESSES_SHOWN = 3;

    private ReflectionPrompt() {
    }

    static String render(MetaPrompt template, ProposalPacket packet, String field, LlmProposerSettings settings,
                         int count) {
        String format = MetaPrompt.resource(settings.editMode() == EditMode.EDIT
                ? "answer-format-edit.md" : "answer-format-rewrite.md");
        Map<String, String> values = new HashMap<>();
        values.put("field", field);
        values.put("task_description", packet.taskDescription());
        values.put("current_text", FencedBlocks.fence(packet.parent().components().getOrDefault(field, "")));
        values.put("scores", scores(packet));
        values.put("failures", cases(packet.failures(), settings.maxFailuresShown(), "Failure"));
        values.put("successes", cases(packet.successes(), MAX_SUCCESSES_SHOWN, "Success"));
        String diff = packet.parentDiff().getOrDefault(field, "");
        values.put("parent_diff", diff.isBlank() ? "" : FencedBlocks.fence(FailureCase.excerpt(diff, MAX_CASE_CHARS)));
        values.put("frontier_summary", packet.frontierSummary());
        values.put("proposer_hints", packet.proposerHints());
        values.put("rejected_attempts", rejected(packet.rejectedAttempts(), field));
        values.put("answer_format", format.replace("{{count}}", Integer.toString(count))
                .replace("{{max_edits}}", Integer.toString(settings.maxEdits())).replace("{{field}}", field).strip());
        return template.render(values);
    }

    private static String scores(ProposalPacket p) {
        String train = p.parentTrainMean() == null ? "not measured yet" : fmt(p.parentTrainMean());
        return "Mean reward on this minibatch: " + fmt(p.parentMinibatchMean()) + " (" + p.failures().size()
                + " case(s) below full marks shown). Mean reward on the whole training set: " + train + ".";
    }

    private static String cases(List<FailureCase> cases, int max, String label) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(max, cases.size());
        for (int i = 0; i < shown; i++) {
            FailureCase c = cases.get(i);
            sb.append("### ").append(label).append(' ').append(i + 1).append(" (example ").append(c.exampleId())
                    .append(", reward ").append(fmt(c.reward())).append(")\n");
            sb.append("Input:\n").append(FencedBlocks.fence(FailureCase.excerpt(c.input(), MAX_CASE_CHARS))).append('\n');
            sb.append("Program output:\n").append(FencedBlocks.fence(FailureCase.excerpt(c.output(), MAX_CASE_CHARS)))
                    .append('\n');
            var v = c.verifier();
            sb.append("Verifier: passed=").append(v.passed() == null ? "n/a" : v.passed())
                    .append(", score=").append(v.score() == null ? "n/a" : fmt(v.score())).append('\n');
            if (v.feedback() != null && !v.feedback().isBlank()) {
                sb.append("Feedback: ").append(FailureCase.excerpt(v.feedback(), MAX_CASE_CHARS)).append('\n');
            }
            if (!c.traceExcerpt().isBlank()) {
                sb.append("Trace excerpt:\n").append(FencedBlocks.fence(c.traceExcerpt())).append('\n');
            }
            sb.append('\n');
        }
        if (cases.size() > shown) {
            sb.append("(").append(cases.size() - shown).append(" more not shown)\n");
        }
        return sb.toString().strip();
    }

    private static String rejected(List<RejectedAttempt> attempts, String field) {
        StringBuilder sb = new StringBuilder();
        int shown = Math.min(MAX_REJECTED_SHOWN, attempts.size());
        for (int i = 0; i < shown; i++) {
            RejectedAttempt a = attempts.get(i);
            String text = a.components().getOrDefault(field, String.join("\n\n", a.components().values()));
            sb.append("### Rejected attempt ").append(i + 1).append(" (why: ").append(a.reason()).append(")\n")
                    .append(FencedBlocks.fence(FailureCase.excerpt(text, MAX_CASE_CHARS))).append("\n\n");
        }
        return sb.toString().strip();
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.3f", d);
    }
}
