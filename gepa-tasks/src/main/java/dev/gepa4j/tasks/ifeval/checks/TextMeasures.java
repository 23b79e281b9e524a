package dev.gepa4j.tasks.ifeval.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The counting the checkers share: words, sentences, paragraphs, whole-word matches. */
final class TextMeasures {
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern SENTENCE_END = Pattern.compile("[.!?]+[\"')\\]]*(?=\\s|$)");
    /** Periods that do not end a sentence: abbreviations, initials, decimals, ellipses inside a line. */
    private static final Pattern NOT_AN_END = Pattern.compile(
            "\\b(?:Mr|Mrs|Ms|Dr|Prof|Sr|Jr|St|vs|e\\.g|i\\.e|a\\.m|p\\.m|U\\.S|Inc|Ltd)\\.|"
                    + "\\b[A-Z]\\.(?=\\s?[A-Z]\\.)|(?<=\\d)\\.(?=\\d)");
    private static final Pattern BLANK_LINE = Pattern.compile("\\n\\s*\\n");

    private TextMeasures() {
    }

    /** Runs of letters, digits and underscores, as word counters on the web count them. */
    static long words(String text) {
        return WORD.matcher(text).results().count();
    }

    /**
     * Sentences: text ended by {@code .}, {@code !} or {@code ?} before a space or the end, ignoring common
     * abbreviations, initials and decimal points; a last fragment without an end mark counts too. Line breaks alone
     * do not end a sentence.
     */
    static int sentences(String text) {
        String masked = NOT_AN_END.matcher(text).replaceAll(match -> match.group().replace('.', '\u00B7'));
        int n = 0;
        int start = 0;
        Matcher m = SENTENCE_END.matcher(masked);
        while (m.find()) {
            if (hasWord(masked.substring(start, m.start()))) {
                n++;
            }
            start = m.end();
        }
        if (hasWord(masked.substring(start))) {
            n++;
        }
        return n;
    }

    /** Blocks of text separated by one or more blank lines, empty blocks dropped. */
    static List<String> blankLineParagraphs(String text) {
        List<String> out = new ArrayList<>();
        for (String p : BLANK_LINE.split(text.replace("\r\n", "\n"))) {
            if (!p.isBlank()) {
                out.add(p.strip());
            }
        }
        return out;
    }

    /** Case-insensitive occurrences of {@code phrase} not glued to other letters or digits. */
    static long wholeWordCount(String text, String phrase) {
        return wholeWord(phrase).matcher(text).results().count();
    }

    static Pattern wholeWord(String phrase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(phrase.strip()) + "(?![\\p{L}\\p{N}])",
                Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    static boolean hasWord(String text) {
        return WORD.matcher(text).find();
    }

    /** The first {@code max} characters of {@code text} on one line, for quoting in feedback. */
    static String excerpt(String text, int max) {
        String flat = text.strip().replaceAll("\\s+", " ");
        return flat.length() <= max ? flat : flat.substring(0, max) + "...";
    }

    static String plural(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
