package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * TEST DOUBLE answers for the {@code humaneval-coder} task, so it runs end to end offline. It is not a model: it
 * looks the problem up in the HumanEval data file (read from the classpath, where gepa-tasks ships it) and answers
 * with the data set's reference solution, degraded in two fixed ways unless the system message asks otherwise:
 * <ul>
 *   <li><b>form</b> (what {@code system_prompt} controls): unless the system message mentions a code block
 *       ({@code ```}, "code block", "only code", "only the code"), the code comes between two sentences of prose and
 *       without a fence, so it does not run;</li>
 *   <li><b>edge cases</b> (what {@code coding_guidelines} controls): for a problem whose tests call the function
 *       with an empty list or string first, unless the system message mentions "empty", the function raises
 *       ValueError on empty input.</li>
 * </ul>
 * As the reflective proposer's model it reads the meta-prompt for {@code system_prompt} or {@code coding_guidelines}
 * of this task and adds the one line the failures call for (the code-block rule after a not-runnable answer, the
 * empty-input rule after a failure on empty input); otherwise it declines and {@link EchoImprove} answers. So an
 * optimizer that reads feedback and rewrites both fields can lift the score from 0 to 1. Deterministic.
 */
final class HumanEvalCoderDouble {
    static final String DATA_RESOURCE = "/dev/gepa4j/tasks/humaneval/data/HumanEval.jsonl.gz";
    static final String FORMAT_RULE = "Answer with only the complete function in one ```python code block, with no "
            + "prose before or after it.";
    static final String EMPTY_RULE = "Handle empty inputs (an empty list or an empty string) explicitly: return "
            + "what the docstring implies for them instead of raising.";
    private static final Pattern EMPTY_CALL = Pattern.compile("candidate\\((\\[\\]|\"\"|'')[,)]");
    private static final Pattern FIELD = Pattern.compile("component \"(system_prompt|coding_guidelines)\"");
    private static final Map<String, Problem> BY_PROMPT = load();

    private record Problem(String prompt, String entryPoint, String solution, String test) {
    }

    private HumanEvalCoderDouble() {
    }

    /** The problems by their prompt; empty when gepa-tasks (which ships the data) is not on the classpath. */
    private static Map<String, Problem> load() {
        Map<String, Problem> byPrompt = new HashMap<>();
        try (InputStream raw = HumanEvalCoderDouble.class.getResourceAsStream(DATA_RESOURCE)) {
            if (raw == null) {
                return Map.of(); // this double then never answers
            }
            ObjectMapper json = new ObjectMapper();
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                JsonNode n = json.readTree(line);
                Problem p = new Problem(n.path("prompt").asText(), n.path("entry_point").asText(),
                        n.path("canonical_solution").asText(), n.path("test").asText());
                byPrompt.put(p.prompt().strip(), p);
            }
        } catch (IOException e) {
            return Map.of();
        }
        return Map.copyOf(byPrompt);
    }

    /** The answer for a humaneval-coder policy or reflection request, or empty when the request is not one. */
    static Optional<String> answer(JsonNode request) {
        return answer(OpenAiCompatibleTestServer.textOf(request, "system"),
                OpenAiCompatibleTestServer.textOf(request, "user"));
    }

    static Optional<String> answer(String systemText, String userText) {
        if (BY_PROMPT.isEmpty()) {
            return Optional.empty();
        }
        if (userText.startsWith("Complete this Python function:")) {
            String prompt = EchoImprove.firstFencedBlock(userText).strip();
            Problem p = BY_PROMPT.get(prompt);
            return p == null ? Optional.empty() : Optional.of(solve(p, systemText.toLowerCase(Locale.ROOT)));
        }
        Matcher field = FIELD.matcher(userText);
        if (field.find() && userText.contains("HumanEval") && !userText.contains("<<<<<<< SEARCH")) {
            return reflect(field.group(1), userText);
        }
        return Optional.empty();
    }

    private static String solve(Problem p, String system) {
        String code = p.prompt() + p.solution();
        if (!system.contains("empty") && EMPTY_CALL.matcher(p.test()).find()) {
            Matcher param = Pattern.compile("def\\s+" + Pattern.quote(p.entryPoint()) + "\\s*\\(\\s*(\\w+)")
                    .matcher(p.prompt());
            if (param.find()) {
                code = p.prompt() + "    if len(" + param.group(1) + ") == 0:\n        raise ValueError(\""
                        + param.group(1) + " must not be empty\")\n" + p.solution();
            }
        }
        boolean fenced = system.contains("```") || system.contains("code block") || system.contains("only code")
                || system.contains("only the code");
        return fenced ? "```python\n" + code.stripTrailing() + "\n```\n"
                : "Sure! Here is the completed function:\n\n" + code.stripTrailing()
                        + "\n\nIt follows the examples in the docstring.\n";
    }

    private static Optional<String> reflect(String field, String prompt) {
        String current = EchoImprove.firstFencedBlock(prompt).strip();
        String rule = null;
        if (field.equals("system_prompt") && !current.contains(FORMAT_RULE)
                && prompt.contains("not runnable Python")) {
            rule = FORMAT_RULE;
        } else if (field.equals("coding_guidelines") && !current.contains(EMPTY_RULE)
                && (EMPTY_CALL.matcher(prompt).find() || prompt.contains("must not be empty"))) {
            rule = EMPTY_RULE;
        }
        if (rule == null) {
            return Optional.empty();
        }
        String improved = current.isEmpty() ? rule : current + "\n" + rule;
        String fence = improved.contains("```") ? "````" : "```";
        return Optional.of("PROPOSAL 1\n" + fence + "\n" + improved + "\n" + fence + "\n");
    }
}
