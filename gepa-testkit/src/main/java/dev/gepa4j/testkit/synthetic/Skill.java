package dev.gepa4j.testkit.synthetic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One requirement of a synthetic example: {@code keyword} must appear, as a whole word (case-insensitive), in the
 * candidate's {@code field}. Written as {@code [field:keyword]} in verifier feedback; {@link #parseAll} reads it back.
 */
public record Skill(String field, String keyword) implements Comparable<Skill> {
    private static final Pattern LABEL = Pattern.compile("\\[([a-z_]+):([a-z]+)]");
    private static final Pattern FIELD = Pattern.compile("[a-z_]+");
    private static final Pattern KEYWORD = Pattern.compile("[a-z]+");
    private static final Pattern NON_LETTERS = Pattern.compile("[^a-z]+");

    public Skill {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(keyword, "keyword");
        if (!FIELD.matcher(field).matches() || !KEYWORD.matcher(keyword).matches()) {
            throw new IllegalArgumentException("skill field and keyword are lower-case words, got " + field + ":" + keyword);
        }
    }

    /** {@code [field:keyword]}. */
    public String label() {
        return "[" + field + ":" + keyword + "]";
    }

    /** True when the text holds the keyword as a whole word, ignoring case. */
    public boolean presentIn(String text) {
        return words(text).contains(keyword);
    }

    /** The lower-case words of a text (runs of letters). */
    public static Set<String> words(String text) {
        Set<String> words = new TreeSet<>(Arrays.asList(NON_LETTERS.split(text.toLowerCase(Locale.ROOT))));
        words.remove("");
        return words;
    }

    /** Every {@code [field:keyword]} in a text, in order of appearance (repeats kept). */
    public static List<Skill> parseAll(String text) {
        List<Skill> skills = new ArrayList<>();
        if (text == null) {
            return skills;
        }
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            skills.add(new Skill(m.group(1), m.group(2)));
        }
        return skills;
    }

    @Override
    public int compareTo(Skill o) {
        int c = field.compareTo(o.field);
        return c != 0 ? c : keyword.compareTo(o.keyword);
    }
}
