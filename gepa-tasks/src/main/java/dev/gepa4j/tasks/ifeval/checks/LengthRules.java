package dev.gepa4j.tasks.ifeval.checks;

import java.util.List;
import java.util.regex.Pattern;

/** {@code length_constraints:*}: words, sentences, paragraphs and the first word of a paragraph. */
final class LengthRules {
    private static final Pattern STARS_SEPARATOR = Pattern.compile("\\s?\\*\\*\\*\\s?");

    private LengthRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                Rule.counting("length_constraints:number_words",
                        "the number of words (runs of letters and digits) is at least / less than num_words",
                        "relation", "num_words", (response, args) -> TextMeasures.words(response),
                        (args, relation) -> "asked for " + relation + " words", "got %d"),
                Rule.counting("length_constraints:number_sentences",
                        "the number of sentences (ended by . ! or ?) is at least / less than num_sentences",
                        "relation", "num_sentences", (response, args) -> TextMeasures.sentences(response),
                        (args, relation) -> "asked for " + relation + " sentences", "got %d"),
                new Rule("length_constraints:number_paragraphs",
                        "exactly num_paragraphs non-empty paragraphs separated by the markdown divider ***",
                        LengthRules::starParagraphs),
                new Rule("length_constraints:nth_paragraph_first_word",
                        "exactly num_paragraphs paragraphs separated by blank lines, and paragraph nth_paragraph "
                                + "starts with first_word",
                        LengthRules::nthParagraphFirstWord));
    }

    private static CheckOutcome starParagraphs(String response, InstructionArgs args) {
        int wanted = args.integer("num_paragraphs");
        String[] parts = STARS_SEPARATOR.split(response.strip(), -1);
        int count = 0;
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].isBlank()) {
                if (i != 0 && i != parts.length - 1) {
                    return CheckOutcome.of(false, "asked for " + wanted
                            + " paragraphs separated by ***, found an empty paragraph between two *** dividers");
                }
            } else {
                count++;
            }
        }
        int dividers = parts.length - 1;
        return CheckOutcome.of(count == wanted, "asked for " + wanted + " paragraphs separated by ***, got " + count
                + " (" + TextMeasures.plural(dividers, "*** divider", "*** dividers") + ")");
    }

    private static CheckOutcome nthParagraphFirstWord(String response, InstructionArgs args) {
        int wanted = args.integer("num_paragraphs");
        int nth = args.integer("nth_paragraph");
        String firstWord = args.text("first_word").strip().toLowerCase(java.util.Locale.ROOT);
        List<String> paragraphs = TextMeasures.blankLineParagraphs(response);
        String asked = "asked for " + wanted + " paragraphs separated by blank lines with paragraph " + nth
                + " starting with '" + firstWord + "'";
        if (paragraphs.size() != wanted) {
            return CheckOutcome.of(false, asked + ", got " + paragraphs.size() + " paragraphs");
        }
        if (nth < 1 || nth > paragraphs.size()) {
            return CheckOutcome.of(false, asked + ", but there is no paragraph " + nth);
        }
        String got = leadingWord(paragraphs.get(nth - 1));
        return CheckOutcome.of(got.equals(firstWord), asked + ", it starts with '" + got + "'");
    }

    /** The first word, lower-cased, without the markdown, quotes and punctuation around it. */
    private static String leadingWord(String paragraph) {
        String s = paragraph.replaceFirst("^[\\s*#_>\"'`“‘-]+", "");
        int end = 0;
        while (end < s.length() && (Character.isLetterOrDigit(s.charAt(end)) || s.charAt(end) == '\'')) {
            end++;
        }
        return s.substring(0, end).toLowerCase(java.util.Locale.ROOT);
    }
}
