package dev.gepa4j.tasks.ifeval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code keywords:*}: required words, forbidden words, how often a word or a letter appears. */
final class KeywordRules {
    private KeywordRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("keywords:existence", "every word in keywords appears (case-insensitive, as a whole word)",
                        (response, args) -> {
                            List<String> keywords = args.texts("keywords");
                            List<String> missing = new ArrayList<>();
                            for (String k : keywords) {
                                if (TextMeasures.wholeWordCount(response, k) == 0) {
                                    missing.add(k);
                                }
                            }
                            return CheckOutcome.of(missing.isEmpty(), "asked to include the keywords " + quoted(keywords)
                                    + (missing.isEmpty() ? ", all present" : ", missing " + quoted(missing)));
                        }),
                new Rule("keywords:forbidden_words",
                        "no word in forbidden_words appears (case-insensitive, as a whole word)",
                        (response, args) -> {
                            List<String> forbidden = args.texts("forbidden_words");
                            List<String> found = new ArrayList<>();
                            for (String w : forbidden) {
                                long n = TextMeasures.wholeWordCount(response, w);
                                if (n > 0) {
                                    found.add("'" + w + "' " + TextMeasures.plural(n, "time", "times"));
                                }
                            }
                            return CheckOutcome.of(found.isEmpty(), "asked not to use the words " + quoted(forbidden)
                                    + (found.isEmpty() ? ", none used" : ", found " + String.join(", ", found)));
                        }),
                Rule.counting("keywords:frequency",
                        "the word keyword appears (case-insensitive, as a whole word) at least / less than frequency "
                                + "times",
                        "relation", "frequency",
                        (response, args) -> TextMeasures.wholeWordCount(response, args.text("keyword")),
                        (args, relation) -> "asked for the word '" + args.text("keyword") + "' " + relation + " times",
                        "found it %d times"),
                Rule.counting("keywords:letter_frequency",
                        "the letter appears (case-insensitive) at least / less than let_frequency times",
                        "let_relation", "let_frequency", KeywordRules::letterCount,
                        (args, relation) -> "asked for the letter '" + letter(args) + "' " + relation + " times",
                        "found it %d times"));
    }

    private static long letterCount(String response, InstructionArgs args) {
        int target = letter(args).codePointAt(0);
        return response.toLowerCase(Locale.ROOT).codePoints().filter(c -> c == target).count();
    }

    private static String letter(InstructionArgs args) {
        String letter = args.text("letter").strip().toLowerCase(Locale.ROOT);
        if (letter.codePointCount(0, letter.length()) != 1) {
            throw new IllegalArgumentException("instruction keywords:letter_frequency: letter '" + letter
                    + "' is not one character");
        }
        return letter;
    }

    private static String quoted(List<String> words) {
        return words.stream().map(w -> "'" + w + "'").reduce((a, b) -> a + ", " + b).orElse("(none)");
    }
}
