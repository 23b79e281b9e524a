package dev.gepa4j.testkit.llm;

import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST DOUBLE: one instruction the double recognised in a request's wording, with what it needs.
 *
 * @param kind   what kind of instruction
 * @param number a count it names (words, bullets, sections ...), or 0
 * @param atLeast for word counts: true for "at least", false for "less than"
 * @param text   a phrase it names (the end phrase, the postscript marker, the section word, the text to repeat)
 */
record IfevalDemand(IfevalKind kind, int number, boolean atLeast, String text) {
    private static final String NUM = "(\\d+|one|two|three|four|five|six|seven|eight|nine|ten)";
    private static final Pattern NO_COMMA = Pattern.compile(
            "\\b(no|not|without|avoid|refrain|never|n't)\\b[^.]{0,40}\\bcommas?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS_AT_LEAST = Pattern.compile(
            "(at least|more than|over|a minimum of)\\s+(\\d+)\\s+words|(\\d+)(\\+| or more)\\s+words",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern WORDS_LESS = Pattern.compile(
            "(less than|fewer than|under|at most|no more than|not exceed(?:ing)?)\\s+(\\d+)\\s+words",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LOWERCASE = Pattern.compile("lower ?case|no capital letters", Pattern.CASE_INSENSITIVE);
    private static final Pattern CAPITALS = Pattern.compile("\\bin all (capital letters|caps|uppercase)|no lowercase",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern TITLE = Pattern.compile("<<|double angular brackets", Pattern.CASE_INSENSITIVE);
    private static final Pattern HIGHLIGHTS = Pattern.compile("highlight(?:ed)?\\s+(?:at least\\s+)?" + NUM,
            Pattern.CASE_INSENSITIVE);
    private static final Pattern BULLETS = Pattern.compile("exactly\\s+" + NUM + "\\s+bullet", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDERS = Pattern.compile("at least\\s+" + NUM + "\\s+placeholder",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern END_PHRASE = Pattern.compile(
            "(?:end|finish)[^\"“”]{0,60}?(?:phrase|with)[^\"“”]{0,20}[\"“”]([^\"“”]+)[\"“”]", Pattern.CASE_INSENSITIVE);
    private static final Pattern QUOTATION = Pattern.compile("double quot", Pattern.CASE_INSENSITIVE);
    private static final Pattern JSON = Pattern.compile("\\bJSON\\b");
    private static final Pattern STAR_PARAGRAPHS = Pattern.compile(
            "exactly\\s+" + NUM + "\\s+(?:paragraphs|sections)", Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION_MARKER = Pattern.compile("\\b(SECTION|Section|PARAGRAPH|Paragraph|Day)\\s+X\\b");
    private static final Pattern SECTION_COUNT = Pattern.compile(NUM + "[- ](?:sections|section|paragraphs|paragraph|"
            + "parts|days)", Pattern.CASE_INSENSITIVE);
    private static final Pattern TWO_RESPONSES = Pattern.compile("\\*{6}|six asterisk|6 asterisk",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern REPEAT = Pattern.compile("first,? repeat", Pattern.CASE_INSENSITIVE);

    /** Every instruction the double recognises in {@code request}, at most one per kind. */
    static Map<IfevalKind, IfevalDemand> read(String request) {
        Map<IfevalKind, IfevalDemand> out = new EnumMap<>(IfevalKind.class);
        if (NO_COMMA.matcher(request).find()) {
            put(out, IfevalKind.NO_COMMA, 0, true, "");
        }
        Matcher m = WORDS_AT_LEAST.matcher(request);
        if (m.find()) {
            put(out, IfevalKind.WORDS, Integer.parseInt(m.group(2) != null ? m.group(2) : m.group(3)), true, "");
        } else if ((m = WORDS_LESS.matcher(request)).find()) {
            put(out, IfevalKind.WORDS, Integer.parseInt(m.group(2)), false, "");
        }
        if (LOWERCASE.matcher(request).find()) {
            put(out, IfevalKind.LOWERCASE, 0, true, "");
        } else if (CAPITALS.matcher(request).find()) {
            put(out, IfevalKind.CAPITALS, 0, true, "");
        }
        if (TITLE.matcher(request).find()) {
            put(out, IfevalKind.TITLE, 0, true, "");
        }
        if ((m = HIGHLIGHTS.matcher(request)).find()) {
            put(out, IfevalKind.HIGHLIGHTS, number(m.group(1)), true, "");
        }
        if ((m = BULLETS.matcher(request)).find()) {
            put(out, IfevalKind.BULLETS, number(m.group(1)), true, "");
        }
        if ((m = PLACEHOLDERS.matcher(request)).find()) {
            put(out, IfevalKind.PLACEHOLDERS, number(m.group(1)), true, "");
        }
        if (request.contains("P.P.S")) {
            put(out, IfevalKind.POSTSCRIPT, 0, true, "P.P.S");
        } else if (request.contains("P.S.")) {
            put(out, IfevalKind.POSTSCRIPT, 0, true, "P.S.");
        }
        if ((m = END_PHRASE.matcher(request)).find()) {
            put(out, IfevalKind.END_PHRASE, 0, true, m.group(1).strip());
        }
        if (QUOTATION.matcher(request).find()) {
            put(out, IfevalKind.QUOTATION, 0, true, "");
        }
        if (JSON.matcher(request).find()) {
            put(out, IfevalKind.JSON, 0, true, "");
        }
        if (TWO_RESPONSES.matcher(request).find()) {
            put(out, IfevalKind.TWO_RESPONSES, 2, true, "");
        } else if (request.contains("***") && (m = STAR_PARAGRAPHS.matcher(request)).find()) {
            put(out, IfevalKind.PARAGRAPHS, number(m.group(1)), true, "");
        }
        Matcher marker = SECTION_MARKER.matcher(request);
        if (marker.find()) {
            Matcher count = SECTION_COUNT.matcher(request);
            put(out, IfevalKind.SECTIONS, count.find() ? number(count.group(1)) : 2, true, marker.group(1));
        }
        if (request.contains("My answer is yes")) {
            put(out, IfevalKind.CONSTRAINED, 0, true, "My answer is yes.");
        }
        if ((m = REPEAT.matcher(request)).find()) {
            String before = request.substring(0, m.start()).strip();
            put(out, IfevalKind.REPEAT, 0, true, before);
        }
        return out;
    }

    private static void put(Map<IfevalKind, IfevalDemand> out, IfevalKind kind, int number, boolean atLeast,
                            String text) {
        out.put(kind, new IfevalDemand(kind, number, atLeast, text));
    }

    private static int number(String word) {
        return switch (word.toLowerCase(java.util.Locale.ROOT)) {
            case "one" -> 1;
            case "two" -> 2;
            case "three" -> 3;
            case "four" -> 4;
            case "five" -> 5;
            case "six" -> 6;
            case "seven" -> 7;
            case "eight" -> 8;
            case "nine" -> 9;
            case "ten" -> 10;
            default -> Math.min(Integer.parseInt(word), 200);
        };
    }
}
