package dev.gepa4j.tasks.ifeval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code combination:*}: repeat the request first; give two different responses separated by six asterisks. */
final class CombinationRules {
    static final String RESPONSE_SEPARATOR = "******";

    private CombinationRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("combination:repeat_prompt",
                        "the response begins with prompt_to_repeat, word for word (case and spacing aside)",
                        (response, args) -> {
                            String wanted = normalize(args.text("prompt_to_repeat"));
                            String got = normalize(response);
                            boolean ok = got.startsWith(wanted);
                            return CheckOutcome.of(ok, "asked to first repeat the request word for word, "
                                    + (ok ? "it does" : "the response begins '" + TextMeasures.excerpt(response, 60)
                                    + "' instead of '" + TextMeasures.excerpt(wanted, 60) + "'"));
                        }),
                new Rule("combination:two_responses",
                        "exactly two different non-empty responses separated by six asterisks (******)",
                        (response, args) -> {
                            String[] parts = response.split(java.util.regex.Pattern.quote(RESPONSE_SEPARATOR), -1);
                            List<String> answers = new ArrayList<>();
                            for (int i = 0; i < parts.length; i++) {
                                if (!parts[i].isBlank()) {
                                    answers.add(parts[i].strip());
                                } else if (i != 0 && i != parts.length - 1) {
                                    return CheckOutcome.of(false, "asked for two responses separated by ******, "
                                            + "found an empty response between two separators");
                                }
                            }
                            if (answers.size() != 2) {
                                return CheckOutcome.of(false, "asked for two responses separated by ******, got "
                                        + answers.size());
                            }
                            boolean differ = !answers.get(0).equals(answers.get(1));
                            return CheckOutcome.of(differ, "asked for two different responses separated by ******, "
                                    + (differ ? "got two" : "got the same response twice"));
                        }));
    }

    private static String normalize(String text) {
        return text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
