package dev.gepa4j.tasks.ifeval.checks;

import java.util.List;
import java.util.Locale;

/** {@code startend:*}: an exact closing phrase, a response wrapped in double quotes. */
final class StartEndRules {
    private StartEndRules() {
    }

    static List<InstructionChecker> all() {
        return List.of(
                new Rule("startend:end_checker",
                        "the response ends with end_phrase (case-insensitive; nothing may follow it)",
                        (response, args) -> {
                            String phrase = args.text("end_phrase").strip();
                            String body = response.strip();
                            boolean ok = body.toLowerCase(Locale.ROOT).endsWith(phrase.toLowerCase(Locale.ROOT));
                            String tail = body.length() <= 60 ? body : "..." + body.substring(body.length() - 60);
                            return CheckOutcome.of(ok, "asked to end with the exact phrase '" + phrase + "', "
                                    + (ok ? "it does" : "it ends with '" + tail.replaceAll("\\s+", " ") + "'"));
                        }),
                new Rule("startend:quotation", "the whole response is wrapped in double quotation marks (\")",
                        (response, args) -> {
                            String body = response.strip();
                            boolean ok = body.length() > 1 && body.startsWith("\"") && body.endsWith("\"");
                            String first = body.isEmpty() ? "nothing" : "'" + body.charAt(0) + "'";
                            String last = body.isEmpty() ? "nothing" : "'" + body.charAt(body.length() - 1) + "'";
                            return CheckOutcome.of(ok, "asked to wrap the whole response in double quotes, "
                                    + (ok ? "it is" : "it starts with " + first + " and ends with " + last));
                        }));
    }
}
