package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.tasks.gsm8k.FinalAnswer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Judges a debate by exact numeric match of the solver's last answer, and says which agent went wrong, round by
 * round:
 * <ul>
 *   <li>the critic accepted a wrong answer, or rejected a right one (and, when the solver then gave it up, talked
 *       the solver out of it), or gave no verdict;</li>
 *   <li>the solver answered wrongly, gave no 'Answer:' line, or ignored a critique that was right to reject
 *       (kept the same wrong answer).</li>
 * </ul>
 * When the final answer is right no agent is blamed, but the notes still say what each did.
 */
final class DebateJudge {

    private DebateJudge() {
    }

    static DebateVerdict judge(DebateTranscript t, BigDecimal gold) {
        List<DebateTurn.Solver> solutions = t.solverTurns();
        List<DebateTurn.Critic> reviews = t.criticTurns();
        List<String> solver = new ArrayList<>();
        List<String> critic = new ArrayList<>();
        Set<String> blamed = new LinkedHashSet<>();
        boolean noted = false;
        for (int i = 0; i < solutions.size(); i++) {
            DebateTurn.Solver s = solutions.get(i);
            DebateTurn.Critic c = i < reviews.size() ? reviews.get(i) : null;
            DebateTurn.Solver next = i + 1 < solutions.size() ? solutions.get(i + 1) : null;
            boolean right = s.answer().matches(gold);
            String given = shown(s.answer());
            int r = s.round();
            // true when the previous round's notes already said how this solution answered the critique
            boolean revisionNoted = noted;
            noted = false;
            if (!s.answer().marked()) {
                solver.add("round " + r + ": no 'Answer: <number>' line" + (s.answer().lastNumber() == null ? ""
                        : " (ended on " + FinalAnswer.format(s.answer().lastNumber()) + ")"));
                blamed.add(DebatePrompts.SOLVER_PROMPT);
            } else if (right && !revisionNoted) {
                solver.add("round " + r + ": " + (i == 0 ? "answered " : "kept ") + given + ", right");
            } else if (i == 0) {
                solver.add("round 1: answered " + given + ", wrong");
                blamed.add(DebatePrompts.SOLVER_PROMPT);
            }
            if (c == null) {
                continue;
            }
            switch (c.verdict()) {
                case ACCEPT -> {
                    if (right) {
                        critic.add("round " + r + ": accepted the right answer " + given);
                    } else {
                        critic.add("round " + r + ": accepted a wrong answer " + given);
                        blamed.add(DebatePrompts.CRITIC_PROMPT);
                    }
                }
                case REJECT, UNCLEAR -> {
                    String how = c.verdict() == CriticVerdict.REJECT ? "rejected" : "gave no ACCEPT or REJECT on";
                    if (c.verdict() == CriticVerdict.UNCLEAR) {
                        blamed.add(DebatePrompts.CRITIC_PROMPT);
                    }
                    if (right) {
                        boolean talkedOut = next != null && !next.answer().matches(gold);
                        critic.add("round " + r + ": " + how + " the right answer " + given + (talkedOut
                                ? " and talked the solver out of it (round " + next.round() + ": " + shown(next.answer())
                                        + ")" : ""));
                        blamed.add(DebatePrompts.CRITIC_PROMPT);
                    } else {
                        critic.add("round " + r + ": " + how + " the wrong answer " + given
                                + (c.verdict() == CriticVerdict.REJECT ? ", rightly" : ""));
                        if (next != null) {
                            solver.add(revision(next, s, gold, c.verdict()));
                            noted = true;
                            if (!next.answer().matches(gold)) {
                                blamed.add(DebatePrompts.SOLVER_PROMPT);
                            }
                        }
                    }
                }
            }
        }
        boolean correct = t.last().answer().matches(gold);
        if (correct) {
            blamed.clear();
        }
        String expected = FinalAnswer.format(gold);
        String end = t.accepted() ? "the critic accepted in round " + reviews.size()
                : "all " + t.maxRounds() + " rounds ran without an ACCEPT";
        String head = correct ? "Correct: " + expected + " (" + end + ")."
                : "Expected " + expected + " but the debate ended on " + shown(t.last().answer()) + " (" + end + ").";
        String solverNote = String.join("; ", solver);
        String criticNote = String.join("; ", critic);
        String who = correct ? "" : " Went wrong: " + (blamed.isEmpty() ? "neither agent alone"
                : String.join(" and ", blamed.stream().map(DebateJudge::agent).toList())) + ".";
        String feedback = head + who + " Solver: " + solverNote + ". Critic: " + criticNote + ".";
        return new DebateVerdict(correct, List.copyOf(blamed), feedback, solverNote, criticNote);
    }

    private static String revision(DebateTurn.Solver next, DebateTurn.Solver before, BigDecimal gold,
                                   CriticVerdict verdict) {
        String r = "round " + next.round() + ": ";
        if (next.answer().matches(gold)) {
            return r + "revised to the right answer " + shown(next.answer()) + " after the critique";
        }
        if (next.answer().marked() && before.answer().marked()
                && next.answer().value().compareTo(before.answer().value()) == 0) {
            return r + (verdict == CriticVerdict.REJECT ? "ignored a correct critique and kept"
                    : "kept, after a critique without a verdict,") + " the wrong answer " + shown(next.answer());
        }
        return r + "revised to another wrong answer " + shown(next.answer());
    }

    private static String shown(FinalAnswer answer) {
        return answer.marked() ? FinalAnswer.format(answer.value()) : "(no answer line)";
    }

    private static String agent(String field) {
        return field.equals(DebatePrompts.SOLVER_PROMPT) ? "the solver (solver_prompt)" : "the critic (critic_prompt)";
    }
}
