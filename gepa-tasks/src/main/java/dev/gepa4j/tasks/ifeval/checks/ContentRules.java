package dev.gepa4j.tasks.ifeval.checks;

import java.util.List;
import java.util.regex.Pattern;

/** {@code punctuation:no_comma} and {@code detectable_content:*}: commas, placeholders, a postscript. */
final class ContentRules {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\[[^\\[\\]\\n]*\\]");

    private ContentRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("punctuation:no_comma", "no comma (,) anywhere in the response",
                        (response, args) -> {
                            long commas = response.chars().filter(c -> c == ',').count();
                            return CheckOutcome.of(commas == 0, "asked for no commas, found " + commas);
                        }),
                new Rule("detectable_content:number_placeholders",
                        "at least num_placeholders placeholders in square brackets, such as [address]",
                        (response, args) -> {
                            int wanted = args.integer("num_placeholders");
                            long got = PLACEHOLDER.matcher(response).results().count();
                            return CheckOutcome.of(got >= wanted, "asked for at least " + wanted
                                    + " placeholders in square brackets, found " + got);
                        }),
                new Rule("detectable_content:postscript",
                        "a line starting with the postscript_marker (P.S. or P.P.S), in any case",
                        (response, args) -> {
                            String marker = args.text("postscript_marker").strip();
                            boolean found = postscript(marker).matcher(response).find();
                            return CheckOutcome.of(found, "asked for a postscript starting with '" + marker + "', "
                                    + (found ? "found one" : "found none"));
                        }));
    }

    /** A line that begins (after spaces or markdown emphasis) with the marker; dots and spaces are optional. */
    private static Pattern postscript(String marker) {
        StringBuilder regex = new StringBuilder("^[\\s*_>]*");
        for (char c : marker.toCharArray()) {
            if (Character.isLetter(c)) {
                regex.append(Character.toLowerCase(c)).append("\\.?\\s?");
            }
        }
        return Pattern.compile(regex.toString(), Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    }
}
