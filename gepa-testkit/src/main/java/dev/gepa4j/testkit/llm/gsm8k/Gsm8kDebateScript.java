package dev.gepa4j.testkit.llm.gsm8k;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.testkit.llm.ScriptedReply;
import dev.gepa4j.testkit.llm.TaskScript;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST DOUBLE behaviour for the {@code gsm8k-debate} container's agent turns, recognised by the container's fixed
 * framing ({@code Problem:} ... {@code Solve the problem.}, {@code A solver's solution:},
 * {@code A critic reviewed your solution:}). It plays two small models that know each problem's worked solution
 * ({@link Gsm8kAnswerKey}) and are steered by their system prompts:
 * <ul>
 *   <li><b>Solver</b>: does the arithmetic in its head and slips on a hard step (its answer 10 too high, see
 *       {@link WorkedSolution#hasHardStep()}). On a long problem (four steps or more) it stops one step short unless
 *       its prompt says check, step by step, every step, restate or key facts. After a critique that says what the
 *       answer "should be", it adopts that number; otherwise it keeps its answer.</li>
 *   <li><b>Critic</b>: accepts everything unless its prompt says check, verify, recompute or recalculate. A checking
 *       critic redoes the arithmetic of each {@code Step k: expression = value} line shown: it rejects a slipped
 *       step ("step 2: 13*17 is 221, not 231. The final answer should be ...") and accepts an answer that follows
 *       from right steps, an early stop included (it checks arithmetic, not completeness).</li>
 * </ul>
 * So the solver's prompt fixes the long problems and the critic's prompt the hard ones: each field has its own
 * failures to fix. Stateless: everything is read from the request.
 */
public final class Gsm8kDebateScript implements TaskScript {
    static final String PROBLEM = "Problem:\n";
    static final String SOLVE = "\n\nSolve the problem.";
    static final String UNDER_REVIEW = "\n\nA solver's solution:\n";
    static final String REVIEW_END = "\n\nReview the solution.";
    static final String CRITIQUE = "A critic reviewed your solution:\n";
    private static final Pattern CAREFUL = Pattern.compile("(?i)\\b(check|step by step|every step|restate|key facts)\\b");
    private static final Pattern CHECKING = Pattern.compile("(?i)\\b(check|verify|recompute|recalculate)\\b");
    private static final Pattern ANSWER = Pattern.compile("Answer:\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern SHOWN_STEP = Pattern.compile("Step (\\d+): (.+) = (-?\\d+(?:\\.\\d+)?)");
    private static final Pattern SHOULD_BE = Pattern.compile("should be (-?\\d+(?:\\.\\d+)?)");
    private static final BigDecimal SLIP = BigDecimal.TEN;

    @Override
    public Optional<ScriptedReply> answer(JsonNode request) {
        ChatRequestView view = new ChatRequestView(request);
        List<String> users = view.userTexts();
        if (view.declaresTools() || users.isEmpty() || !users.getFirst().startsWith(PROBLEM)) {
            return Optional.empty();
        }
        String first = users.getFirst();
        String last = users.getLast();
        String system = view.systemText();
        if (first.contains(UNDER_REVIEW)) {
            return known(between(first, PROBLEM, UNDER_REVIEW))
                    .map(s -> critic(s, system, between(first, UNDER_REVIEW, REVIEW_END)));
        }
        if (!first.contains(SOLVE)) {
            return Optional.empty();
        }
        Optional<WorkedSolution> solution = known(between(first, PROBLEM, SOLVE));
        if (last.startsWith(CRITIQUE)) {
            List<String> mine = view.assistantTexts();
            return solution.map(s -> revise(last, mine.isEmpty() ? "" : mine.getLast()));
        }
        return solution.map(s -> solve(s, system));
    }

    private static ScriptedReply solve(WorkedSolution s, String system) {
        if (s.isLong() && !CAREFUL.matcher(system).find()) {
            int shown = s.steps().size() - 1;
            return ScriptedReply.answer(Working.upTo(s, shown, BigDecimal.ZERO) + "\nAnswer: "
                    + Working.show(s.steps().get(shown - 1).result()));
        }
        return ScriptedReply.answer(Working.inHead(s, SLIP) + "\nAnswer: "
                + Working.show(Gsm8kReactScript.mental(s)));
    }

    private static ScriptedReply critic(WorkedSolution s, String system, String solution) {
        if (!CHECKING.matcher(system).find()) {
            return ScriptedReply.answer("The reasoning reads well and the steps follow from the problem. ACCEPT");
        }
        Optional<BigDecimal> given = number(ANSWER, solution);
        if (given.isEmpty()) {
            return ScriptedReply.answer("REJECT: the solution has no 'Answer:' line; the final answer should be "
                    + Working.show(s.answer()) + ".");
        }
        Matcher line = SHOWN_STEP.matcher(solution);
        BigDecimal lastShown = null;
        while (line.find()) {
            int k = Integer.parseInt(line.group(1)) - 1;
            BigDecimal shown = new BigDecimal(line.group(3));
            if (k >= 0 && k < s.steps().size() && s.steps().get(k).result().compareTo(shown) != 0) {
                WorkedSolution.Step step = s.steps().get(k);
                return ScriptedReply.answer("REJECT: step " + (k + 1) + ": " + step.expression() + " is "
                        + Working.show(step.result()) + ", not " + Working.show(shown) + ". The final answer should be "
                        + Working.show(s.answer()) + ".");
            }
            lastShown = shown;
        }
        BigDecimal v = given.get();
        if (v.compareTo(s.answer()) == 0 || (lastShown != null && v.compareTo(lastShown) == 0)) {
            return ScriptedReply.answer("I redid the arithmetic of every step shown; it holds. ACCEPT");
        }
        return ScriptedReply.answer("REJECT: the final answer does not follow from the steps; it should be "
                + Working.show(s.answer()) + ".");
    }

    private static ScriptedReply revise(String critique, String previous) {
        Optional<BigDecimal> corrected = number(SHOULD_BE, critique);
        if (corrected.isPresent()) {
            return ScriptedReply.answer("You are right; I redo that step.\nAnswer: " + Working.show(corrected.get()));
        }
        String kept = number(ANSWER, previous).map(Working::show).orElse("0");
        return ScriptedReply.answer("I read the critique and keep my solution.\nAnswer: " + kept);
    }

    private static Optional<WorkedSolution> known(String question) {
        return Gsm8kAnswerKey.lookup(question);
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        int to = text.indexOf(end, from < 0 ? 0 : from + start.length());
        if (from < 0 || to < 0) {
            return "";
        }
        return text.substring(from + start.length(), to);
    }

    private static Optional<BigDecimal> number(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        BigDecimal found = null;
        while (m.find()) {
            found = new BigDecimal(m.group(1));
        }
        return Optional.ofNullable(found);
    }
}
