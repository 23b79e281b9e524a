package dev.gepa4j.tasks.ifeval.checks;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code change_case:*}: all lowercase, all capitals, how many words are in capitals. */
final class CaseRules {
    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}'’-]+");

    private CaseRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("change_case:english_lowercase", "no capital letters anywhere in the response",
                        (response, args) -> {
                            long capitals = response.codePoints().filter(Character::isUpperCase).count();
                            return CheckOutcome.of(capitals == 0, "asked for all lowercase letters, found "
                                    + TextMeasures.plural(capitals, "capital letter", "capital letters")
                                    + firstWordWith(response, true));
                        }),
                new Rule("change_case:english_capital", "no lowercase letters anywhere in the response",
                        (response, args) -> {
                            long lower = response.codePoints().filter(Character::isLowerCase).count();
                            return CheckOutcome.of(lower == 0, "asked for all capital letters, found "
                                    + TextMeasures.plural(lower, "lowercase letter", "lowercase letters")
                                    + firstWordWith(response, false));
                        }),
                Rule.counting("change_case:capital_word_frequency",
                        "the number of words written entirely in capitals (such as NOTE or I) is at least / less than "
                                + "capital_frequency",
                        "capital_relation", "capital_frequency", (response, args) -> capitalWords(response),
                        (args, relation) -> "asked for " + relation + " words in all capitals", "got %d"));
    }

    static int capitalWords(String text) {
        Matcher m = TOKEN.matcher(text);
        int n = 0;
        while (m.find()) {
            String w = m.group();
            if (w.codePoints().anyMatch(Character::isLetter) && w.codePoints().noneMatch(Character::isLowerCase)) {
                n++;
            }
        }
        return n;
    }

    private static String firstWordWith(String text, boolean upper) {
        Matcher m = TOKEN.matcher(text);
        while (m.find()) {
            String w = m.group();
            if (w.codePoints().anyMatch(upper ? Character::isUpperCase : Character::isLowerCase)) {
                return " (first in '" + w + "')";
            }
        }
        return "";
    }
}
