package dev.gepa4j.testkit.llm.gsm8k;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the test double "knows" about GSM8K: the worked solutions of the data file the built-in GSM8K containers
 * ship ({@value #RESOURCE}, read from the classpath when it is there; gepa-tasks puts it there). This is openly an
 * answer key: the double is a stand-in for a model, not a solver, and plays the model's mistakes on top of it. When
 * the file is not on the classpath it knows no problem. Loaded once; thread-safe.
 */
final class Gsm8kAnswerKey {
    static final String RESOURCE = "/dev/gepa4j/tasks/gsm8k/data/test.jsonl";
    private static final Pattern STEP = Pattern.compile("<<([^=<>]*)=([^<>]*)>>");
    private static final Map<String, WorkedSolution> BY_QUESTION = load();

    private Gsm8kAnswerKey() {
    }

    /** The worked solution of a question, matched after collapsing white space. */
    static Optional<WorkedSolution> lookup(String question) {
        return Optional.ofNullable(BY_QUESTION.get(normalise(question)));
    }

    static String normalise(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s+", " ");
    }

    private static Map<String, WorkedSolution> load() {
        Map<String, WorkedSolution> key = new HashMap<>();
        try (InputStream in = Gsm8kAnswerKey.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return key;
            }
            ObjectMapper json = new ObjectMapper();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode row = json.readTree(line);
                    key.put(normalise(row.path("question").asText()), parse(row.path("answer").asText()));
                }
            }
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("test double: cannot read " + RESOURCE, e);
        }
    }

    static WorkedSolution parse(String solution) {
        List<WorkedSolution.Step> steps = new ArrayList<>();
        Matcher m = STEP.matcher(solution);
        while (m.find()) {
            try {
                steps.add(new WorkedSolution.Step(m.group(1).strip(),
                        new BigDecimal(m.group(2).strip().replace(",", ""))));
            } catch (NumberFormatException unreadable) {
                // an annotation whose result is not a plain number is not a step the double can replay
            }
        }
        String gold = solution.substring(solution.lastIndexOf("####") + 4).strip().replace(",", "");
        return new WorkedSolution(steps, new BigDecimal(gold));
    }
}
