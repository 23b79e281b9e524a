package dev.gepa4j.testkit.llm.gsm8k;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.testkit.llm.ScriptedReply;
import dev.gepa4j.testkit.llm.TaskScript;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * TEST DOUBLE behaviour for the {@code gsm8k-react} container's policy calls: requests that declare a
 * {@code calculator} function. It plays a small model that knows each problem's worked solution
 * ({@link Gsm8kAnswerKey}) and is steered by the prompts the way the container's fields are meant to steer a model:
 * <ul>
 *   <li><b>Tool use</b>: when the tool description or the system prompt tells it to use, call, check or verify
 *       (those words), it calls {@code calculator} once per worked step, one call per turn, and answers with the
 *       calculator's last result. Otherwise it does the arithmetic "in its head" and slips on a hard step (a
 *       product or quotient with a number of two or more significant digits, see
 *       {@link WorkedSolution#hasHardStep()}): its answer is then 10 too high.</li>
 *   <li><b>Final format</b>: when the system prompt mentions "format" or "Answer:", it ends with
 *       {@code Answer: <number>}; otherwise with a sentence ({@code That gives 18 in total.}) that has no answer line.</li>
 * </ul>
 * So the seed prompts score 0, a prompt that asks for the format scores on problems without a hard step, and one
 * that also asks for the calculator scores on all of them (within the container's step limit). Stateless:
 * everything is read from the request (the number of {@code tool} messages so far is the step).
 */
public final class Gsm8kReactScript implements TaskScript {
    static final String TOOL = "calculator";
    private static final Pattern USE_TOOL = Pattern.compile("(?i)\\b(use|call|check|verify)\\b");
    private static final Pattern ASKS_FORMAT = Pattern.compile("(?i)(format|answer:)");
    private static final BigDecimal SLIP = BigDecimal.TEN;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public Optional<ScriptedReply> answer(JsonNode request) {
        ChatRequestView view = new ChatRequestView(request);
        Optional<String> guide = view.toolDescription(TOOL);
        if (guide.isEmpty()) {
            return Optional.empty();
        }
        List<String> users = view.userTexts();
        Optional<WorkedSolution> known = Gsm8kAnswerKey.lookup(users.isEmpty() ? "" : users.getFirst());
        if (known.isEmpty()) {
            return Optional.of(ScriptedReply.answer("This is the gepa4j test double: it has no worked solution for "
                    + "this problem, so it cannot play a model here."));
        }
        WorkedSolution solution = known.get();
        String system = view.systemText();
        boolean usesTool = USE_TOOL.matcher(guide.get() + "\n" + system).find();
        List<String> results = view.toolResults();
        if (usesTool && results.size() < solution.steps().size()) {
            int k = results.size();
            String expression = solution.steps().get(k).expression();
            String arguments = JSON.createObjectNode().put("expression", expression).toString();
            return Optional.of(ScriptedReply.toolCall("I compute " + expression + " with the calculator.",
                    "call_" + (k + 1), TOOL, arguments));
        }
        BigDecimal value = usesTool && !results.isEmpty() ? number(results.getLast()).orElse(mental(solution))
                : mental(solution);
        String working = usesTool ? "The calculator gave " + String.join(", ", results) + "."
                : Working.inHead(solution, SLIP);
        String shown = Working.show(value);
        String ending = ASKS_FORMAT.matcher(system).find() ? "Answer: " + shown : "That gives " + shown + " in total.";
        return Optional.of(ScriptedReply.answer(working + "\n" + ending));
    }

    /** The answer worked out without the tool: right unless a hard step slipped. */
    static BigDecimal mental(WorkedSolution solution) {
        return solution.hasHardStep() ? solution.answer().add(SLIP) : solution.answer();
    }

    private static Optional<BigDecimal> number(String text) {
        try {
            return Optional.of(new BigDecimal(text.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
