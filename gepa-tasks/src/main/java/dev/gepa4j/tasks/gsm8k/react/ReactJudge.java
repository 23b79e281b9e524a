package dev.gepa4j.tasks.gsm8k.react;

import dev.gepa4j.tasks.gsm8k.FinalAnswer;
import dev.gepa4j.tasks.gsm8k.TraceText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Judges a ReAct episode: exact numeric match of the marked final answer, and feedback that says what the trace
 * shows: no tool used, tool calls that failed (refused, unknown tool, bad arguments), the right number computed but
 * not used, an intermediate tool result given as the answer, a final reply without an answer line, steps exhausted.
 */
final class ReactJudge {
    private static final int MAX_ERROR_CHARS = 300;

    private ReactJudge() {
    }

    static ReactVerdict judge(ReactTranscript t, BigDecimal gold) {
        String expected = FinalAnswer.format(gold);
        FinalAnswer answer = FinalAnswer.read(t.finalReply());
        boolean correct = !t.exhausted() && answer.matches(gold);
        String finalNote = finalNote(t, answer, gold);
        String toolNote = toolNote(t, answer, gold, correct);
        List<String> feedback = new ArrayList<>();
        feedback.add(correct ? "Correct: " + expected + "." : "Expected " + expected + " but " + finalNote + ".");
        feedback.add("Tool use: " + toolNote + ".");
        boolean toolsClean = !t.observations().isEmpty() && t.observations().stream().noneMatch(
                ReactStep.Observation::failed) && !t.exhausted() && usesAResult(t, answer);
        return new ReactVerdict(correct, answer, String.join(" ", feedback), finalNote, toolNote,
                !correct && !toolsClean);
    }

    private static String finalNote(ReactTranscript t, FinalAnswer answer, BigDecimal gold) {
        if (t.exhausted()) {
            return "the steps ran out: the agent asked for tools in all " + t.maxSteps()
                    + " of its steps and never gave a final answer";
        }
        if (!answer.marked()) {
            return answer.lastNumber() == null
                    ? "the final reply states no answer at all; end it with a line 'Answer: <number>'"
                    : "the final reply has no answer line (it ends on " + FinalAnswer.format(answer.lastNumber())
                            + "); end it with a line 'Answer: <number>'";
        }
        String given = FinalAnswer.format(answer.value());
        return answer.matches(gold) ? "the final answer " + given + " is right and stated as 'Answer: " + given + "'"
                : "the final answer was " + given;
    }

    private static String toolNote(ReactTranscript t, FinalAnswer answer, BigDecimal gold, boolean correct) {
        List<ReactStep.Observation> seen = t.observations();
        if (seen.isEmpty()) {
            return correct ? "the calculator was never called (the arithmetic was done in the text)"
                    : "the calculator was never called: all arithmetic was done in the text";
        }
        List<String> notes = new ArrayList<>();
        List<ReactStep.Observation> failed = seen.stream().filter(ReactStep.Observation::failed).toList();
        if (failed.isEmpty()) {
            notes.add(seen.size() + " calculator call" + (seen.size() == 1 ? "" : "s") + ", all succeeded");
        } else {
            notes.add(failed.size() + " of " + seen.size() + " calculator calls failed; the first at step "
                    + failed.getFirst().turn() + ": " + TraceText.clip(failed.getFirst().text(), MAX_ERROR_CHARS));
        }
        if (!correct && !t.exhausted()) {
            BigDecimal given = answer.marked() ? answer.value() : answer.lastNumber();
            notes.add(resultUse(seen, given, gold));
        }
        return String.join("; ", notes);
    }

    /** Whether the answer (marked, else the last number) is the calculator's last successful result. */
    private static boolean usesAResult(ReactTranscript t, FinalAnswer answer) {
        BigDecimal given = answer.marked() ? answer.value() : answer.lastNumber();
        List<ReactStep.Observation> ok = t.observations().stream().filter(o -> !o.failed()).toList();
        return given != null && !ok.isEmpty() && ok.getLast().value().compareTo(given) == 0;
    }

    /** How the answer relates to the calculator's results, when it is wrong. */
    private static String resultUse(List<ReactStep.Observation> seen, BigDecimal given, BigDecimal gold) {
        for (ReactStep.Observation o : seen) {
            if (o.value() != null && o.value().compareTo(gold) == 0) {
                return "the calculator returned the right number " + FinalAnswer.format(gold) + " at step " + o.turn()
                        + " but the final answer did not use it";
            }
        }
        ReactStep.Observation last = null;
        for (ReactStep.Observation o : seen) {
            if (o.value() != null) {
                if (given != null && o.value().compareTo(given) == 0) {
                    return "the answer " + FinalAnswer.format(given) + " is the calculator's result at step " + o.turn()
                            + ", a wrong or intermediate value";
                }
                last = o;
            }
        }
        if (last == null) {
            return "no calculator call succeeded, so no result backs the answer";
        }
        return "the answer matches none of the calculator's results (the last was " + last.text() + " at step "
                + last.turn() + ")";
    }
}
