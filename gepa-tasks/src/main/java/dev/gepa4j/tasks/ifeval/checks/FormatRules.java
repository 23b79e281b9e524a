package dev.gepa4j.tasks.ifeval.checks;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code detectable_format:*}: markdown highlights, a title, bullets, JSON, numbered sections, fixed answers. */
final class FormatRules {
    private static final Pattern SINGLE_HIGHLIGHT = Pattern.compile("(?<!\\*)\\*([^\\n*]+)\\*(?!\\*)");
    private static final Pattern DOUBLE_HIGHLIGHT = Pattern.compile("\\*\\*([^\\n*]+)\\*\\*");
    private static final Pattern TITLE = Pattern.compile("<<([^\\n]+?)>>");
    private static final Pattern STAR_BULLET = Pattern.compile("^\\s*\\*(?!\\*)\\s.*$", Pattern.MULTILINE);
    private static final Pattern DASH_BULLET = Pattern.compile("^\\s*-\\s.*$", Pattern.MULTILINE);
    private static final Pattern CODE_FENCE_START = Pattern.compile("^```[A-Za-z]*\\s*");
    private static final Pattern CODE_FENCE_END = Pattern.compile("\\s*```$");
    private static final ObjectMapper STRICT_JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    static final List<String> CONSTRAINED_ANSWERS = List.of("My answer is yes.", "My answer is no.",
            "My answer is maybe.");

    private FormatRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("detectable_format:number_highlighted_sections",
                        "at least num_highlights non-empty spans highlighted in markdown, *like this* or **this**",
                        (response, args) -> {
                            int wanted = args.integer("num_highlights");
                            int got = count(SINGLE_HIGHLIGHT, response) + count(DOUBLE_HIGHLIGHT, response);
                            return CheckOutcome.of(got >= wanted, "asked for at least " + wanted
                                    + " highlighted sections (*text*), found " + got);
                        }),
                new Rule("detectable_format:title", "a title wrapped in double angular brackets, <<like this>>",
                        (response, args) -> {
                            boolean found = count(TITLE, response) > 0;
                            return CheckOutcome.of(found, "asked for a title in double angular brackets (<<title>>), "
                                    + (found ? "found one" : "found none"));
                        }),
                new Rule("detectable_format:number_bullet_lists",
                        "exactly num_bullets markdown bullet points (lines starting with '* ' or '- ')",
                        (response, args) -> {
                            int wanted = args.integer("num_bullets");
                            int got = count(STAR_BULLET, response) + count(DASH_BULLET, response);
                            return CheckOutcome.of(got == wanted, "asked for exactly " + wanted
                                    + " bullet points (lines starting with * or -), got " + got);
                        }),
                new Rule("detectable_format:json_format",
                        "the whole response is one JSON value (a surrounding ``` code fence is allowed)",
                        FormatRules::json),
                new Rule("detectable_format:multiple_sections",
                        "at least num_sections sections, each starting with section_spliter and its number "
                                + "(e.g. SECTION 1)",
                        (response, args) -> {
                            String splitter = args.text("section_spliter").strip();
                            int wanted = args.integer("num_sections");
                            Pattern marker = Pattern.compile("\\s?" + Pattern.quote(splitter) + "\\s?\\d+\\s?");
                            int got = marker.split(response, -1).length - 1;
                            return CheckOutcome.of(got >= wanted, "asked for " + wanted + " sections marked '"
                                    + splitter + " N', found " + got);
                        }),
                new Rule("detectable_format:constrained_response",
                        "the response contains one of: " + String.join(" / ", CONSTRAINED_ANSWERS),
                        (response, args) -> {
                            boolean found = CONSTRAINED_ANSWERS.stream().anyMatch(response::contains);
                            return CheckOutcome.of(found, "asked to answer with one of '"
                                    + String.join("', '", CONSTRAINED_ANSWERS) + "', "
                                    + (found ? "found one" : "found none; the response began '"
                                    + TextMeasures.excerpt(response, 60) + "'"));
                        }));
    }

    private static CheckOutcome json(String response, InstructionArgs args) {
        String body = CODE_FENCE_END.matcher(CODE_FENCE_START.matcher(response.strip()).replaceFirst(""))
                .replaceFirst("").strip();
        try {
            STRICT_JSON.readTree(body);
            return CheckOutcome.of(!body.isEmpty(), body.isEmpty() ? "asked for JSON, the response is empty"
                    : "asked for the whole response in JSON, it parses");
        } catch (Exception e) {
            String reason = e.getMessage() == null ? "" : e.getMessage().lines().findFirst().orElse("");
            return CheckOutcome.of(false, "asked for the whole response in JSON, it does not parse ("
                    + TextMeasures.excerpt(reason, 120) + ")");
        }
    }

    private static int count(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        int n = 0;
        while (m.find()) {
            if (m.groupCount() == 0 || !m.group(1).isBlank()) {
                n++;
            }
        }
        return n;
    }
}
