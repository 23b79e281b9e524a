package dev.gepa4j.tasks.banking77;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses and writes the plain-English prompt dialect of the Banking77 policy.
 *
 * <p>Grammar, one statement per line; a leading {@code -} or {@code *} bullet is optional:
 * <pre>
 * description := LABEL ":" prose [ "e.g." "\"" phrase "\"" { ";" "\"" phrase "\"" } ]
 * rule        := "If the message mentions" "\"" term "\"" { "and" "\"" term "\"" } ","
 *                "prefer" LABEL [ "over" LABEL ] [ "." ]
 * </pre>
 * LABEL must be one of the 77 labels exactly (they are case-sensitive, e.g. {@code Refund_not_showing_up}). Quoted
 * strings anywhere in a description are its example phrases. A second description of the same label extends the
 * first. Any other non-blank line, including lines naming unknown labels, is a free instruction. The section headers
 * this class writes are recognised and not kept as instructions. Parsing never fails.
 */
public final class PolicyDialect {
    static final String DESCRIPTIONS_HEADER = "Label descriptions:";
    static final String RULES_HEADER = "Disambiguation rules:";
    private static final Pattern BULLET = Pattern.compile("^\\s*[-*\u2022]?\\s*");
    private static final Pattern DESCRIPTION = Pattern.compile("^([A-Za-z_?]+)\\s*:\\s*(.*)$");
    private static final Pattern RULE = Pattern.compile(
            "^if the message mentions\\s+(.+?)\\s*,\\s*prefer\\s+([A-Za-z_?]+)(?:\\s+over\\s+([A-Za-z_?]+))?\\s*\\.?\\s*$",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]+)\"");

    private final Set<String> labels;

    /** A dialect over the given label set (normally {@link Banking77Prompts#labels()}). */
    public PolicyDialect(Set<String> labels) {
        this.labels = Set.copyOf(labels);
    }

    /** Splits {@code prompt} into instructions, descriptions and rules. */
    public PolicyPrompt parse(String prompt) {
        List<String> instructions = new ArrayList<>();
        Map<String, LabelDescription> descriptions = new LinkedHashMap<>();
        List<DisambiguationRule> rules = new ArrayList<>();
        for (String raw : prompt.split("\\R")) {
            String line = BULLET.matcher(raw).replaceFirst("").strip();
            if (line.isEmpty() || line.equals(DESCRIPTIONS_HEADER) || line.equals(RULES_HEADER)) {
                continue;
            }
            Optional<DisambiguationRule> rule = parseRule(line);
            Optional<LabelDescription> description = rule.isPresent() ? Optional.empty() : parseDescription(line);
            if (rule.isPresent()) {
                rules.add(rule.get());
            } else if (description.isPresent()) {
                descriptions.merge(description.get().label(), description.get(), PolicyDialect::extend);
            } else {
                instructions.add(raw.strip());
            }
        }
        return new PolicyPrompt(instructions, List.copyOf(descriptions.values()), rules);
    }

    /** Writes {@code policy} back as prompt text; {@code parse(render(p))} equals {@code p}. */
    public String render(PolicyPrompt policy) {
        StringBuilder out = new StringBuilder(String.join("\n", policy.instructions()));
        if (!policy.descriptions().isEmpty()) {
            out.append("\n\n").append(DESCRIPTIONS_HEADER);
            policy.descriptions().forEach(d -> out.append("\n- ").append(d.render()));
        }
        if (!policy.rules().isEmpty()) {
            out.append("\n\n").append(RULES_HEADER);
            policy.rules().forEach(r -> out.append("\n- ").append(r.render()));
        }
        return out.toString().strip();
    }

    private Optional<DisambiguationRule> parseRule(String line) {
        Matcher m = RULE.matcher(line);
        if (!m.matches() || !labels.contains(m.group(2)) || (m.group(3) != null && !labels.contains(m.group(3)))) {
            return Optional.empty();
        }
        List<String> terms = quoted(m.group(1));
        if (terms.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new DisambiguationRule(terms, m.group(2), Optional.ofNullable(m.group(3))));
    }

    private Optional<LabelDescription> parseDescription(String line) {
        Matcher m = DESCRIPTION.matcher(line);
        if (!m.matches() || !labels.contains(m.group(1))) {
            return Optional.empty();
        }
        String body = m.group(2);
        List<String> examples = quoted(body);
        // The prose is what remains once the examples and their "e.g." lead-in are taken out.
        String prose = QUOTED.matcher(body).replaceAll("")
                .replaceAll("(?i)[,;]?\\s*e\\.g\\.[\\s;,]*$", "")
                .replaceAll("[\\s;,]+$", "");
        return Optional.of(new LabelDescription(m.group(1), prose, examples));
    }

    private static List<String> quoted(String text) {
        List<String> out = new ArrayList<>();
        Matcher q = QUOTED.matcher(text);
        while (q.find()) {
            if (!q.group(1).isBlank()) {
                out.add(q.group(1).strip());
            }
        }
        return out;
    }

    private static LabelDescription extend(LabelDescription first, LabelDescription second) {
        List<String> examples = new ArrayList<>(first.examples());
        examples.addAll(second.examples());
        String prose = (first.prose() + " " + second.prose()).strip();
        return new LabelDescription(first.label(), prose, examples);
    }
}
