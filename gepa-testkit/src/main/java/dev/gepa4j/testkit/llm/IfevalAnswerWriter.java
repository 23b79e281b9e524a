package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TEST DOUBLE prose for {@link IfevalPipelineScript}: a bland answer built from the request's own words, and one
 * "make it so" edit per {@link IfevalKind}. Each edit leaves an answer that already complies as it is, so the
 * revise stage can run them on a draft. The edits are simple and sometimes undo one another (a closing line after a
 * required end phrase, commas put back by a later step), as real models do.
 */
final class IfevalAnswerWriter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern TOPIC_WORD = Pattern.compile("[A-Za-z][a-z]{3,}");
    private static final List<String> STOP = List.of("write", "about", "your", "response", "answer", "should", "must",
            "with", "that", "this", "make", "sure", "please", "entire", "least", "words", "using", "include", "their",
            "from", "have", "what", "would", "which", "them", "they", "there", "into", "also");
    private static final List<String> SENTENCES = List.of(
            "This answer looks at %s.",
            "The main idea is simple, and it rests on a few clear points.",
            "First, it helps to look at the background, the people involved, and the goals.",
            "Second, a careful plan makes the result easier to reach.",
            "In practice, small steps add up over time, and they are easier to keep.",
            "Many readers find that a concrete example makes the point clearer.",
            "It is also worth asking what could go wrong, and how to recover.",
            "Finally, it pays to check the details before acting.",
            "Overall, %s deserves a thoughtful and balanced look.");
    private static final String FILLER = "Another point worth adding about %s is number %d, which rewards patience.";

    private IfevalAnswerWriter() {
    }

    /** A first answer of 8 to 9 sentences (about 100 words) on the request's topic, with commas and capitals. */
    static String body(String request, SplittableRandom random) {
        String topic = topic(request);
        List<String> out = new ArrayList<>();
        for (String s : SENTENCES) {
            if (out.size() < 2 || random.nextInt(8) != 0) {
                out.add(s.contains("%s") ? String.format(Locale.ROOT, s, topic) : s);
            }
        }
        return String.join(" ", out);
    }

    static String topic(String request) {
        Matcher m = TOPIC_WORD.matcher(request);
        List<String> words = new ArrayList<>();
        while (m.find() && words.size() < 3) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!STOP.contains(w) && !words.contains(w)) {
                words.add(w);
            }
        }
        return words.isEmpty() ? "the question" : String.join(" ", words);
    }

    /** Edits {@code text} so that it follows {@code demand}; an answer that already does is returned as it is. */
    static String ensure(IfevalDemand d, String text, String request) {
        return switch (d.kind()) {
            case WORDS -> d.atLeast() ? lengthen(text, d.number(), topic(request)) : shorten(text, d.number());
            case SECTIONS -> text.contains(d.text() + " 1") ? text : sections(text, d.text(), d.number());
            case PARAGRAPHS -> text.contains("***") ? text : String.join("\n\n***\n\n", chunks(text, d.number()));
            case BULLETS -> bullets(text, d.number(), topic(request));
            case HIGHLIGHTS -> highlight(text, d.number());
            case PLACEHOLDERS -> text + placeholders(text, d.number());
            case TITLE -> text.contains("<<") ? text : "<<" + capitalize(topic(request)) + ">>\n\n" + text;
            case CONSTRAINED -> text.contains(d.text()) ? text : d.text() + " " + text;
            case POSTSCRIPT -> text.contains(d.text()) ? text : text + "\n\n" + d.text() + " Thank you for reading.";
            case REPEAT -> text.startsWith(d.text()) ? text : d.text() + "\n\n" + text;
            case END_PHRASE -> text.strip().endsWith(d.text()) ? text : text.strip() + "\n\n" + d.text();
            case LOWERCASE -> text.toLowerCase(Locale.ROOT);
            case CAPITALS -> text.toUpperCase(Locale.ROOT);
            case NO_COMMA -> text.replace(",", "");
            case TWO_RESPONSES -> text.contains("******") ? text
                    : text + "\n\n******\n\n" + "In short: " + topic(request) + " needs care and a plan.";
            case JSON -> text.strip().startsWith("{") ? text : json(text);
            case QUOTATION -> text.strip().startsWith("\"") && text.strip().endsWith("\"") ? text
                    : "\"" + text.strip() + "\"";
        };
    }

    static long words(String text) {
        return WORD.matcher(text).results().count();
    }

    private static String lengthen(String text, int atLeast, String topic) {
        StringBuilder sb = new StringBuilder(text);
        for (int i = 1; words(sb.toString()) < atLeast && i <= 400; i++) {
            sb.append(' ').append(String.format(Locale.ROOT, FILLER, topic, i));
        }
        return sb.toString();
    }

    private static String shorten(String text, int lessThan) {
        if (words(text) < lessThan) {
            return text;
        }
        String[] tokens = text.split(" ");
        int keep = Math.max(1, Math.min(tokens.length, lessThan - 6));
        return String.join(" ", Arrays.copyOf(tokens, keep)).replaceAll("[,;:]$", "") + ".";
    }

    private static List<String> chunks(String text, int parts) {
        List<String> sentences = new ArrayList<>(Arrays.asList(text.split("(?<=[.!?])\\s+")));
        int n = Math.max(1, parts);
        while (sentences.size() < n) {
            sentences.add("There is more to say here.");
        }
        List<String> out = new ArrayList<>();
        int per = sentences.size() / n;
        for (int i = 0; i < n; i++) {
            int to = i == n - 1 ? sentences.size() : (i + 1) * per;
            out.add(String.join(" ", sentences.subList(i * per, to)));
        }
        return out;
    }

    private static String sections(String text, String marker, int count) {
        List<String> parts = chunks(text, count);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            sb.append(i == 0 ? "" : "\n\n").append(marker).append(' ').append(i + 1).append('\n').append(parts.get(i));
        }
        return sb.toString();
    }

    private static String bullets(String text, int count, String topic) {
        List<String> kept = text.lines().filter(l -> !l.strip().startsWith("* ") && !l.strip().startsWith("- "))
                .toList();
        StringBuilder sb = new StringBuilder(String.join("\n", kept).strip()).append("\n");
        for (int i = 1; i <= count; i++) {
            sb.append("\n* Point ").append(i).append(" about ").append(topic).append('.');
        }
        return sb.toString();
    }

    private static String highlight(String text, int count) {
        long have = Pattern.compile("\\*[^*\\n]+\\*").matcher(text).results().count();
        String out = text;
        String[] phrases = {"main idea", "careful plan", "small steps", "concrete example", "check the details",
            "background", "goals", "thoughtful"};
        for (int i = 0; i < phrases.length && have < count; i++) {
            if (out.contains(phrases[i]) && !out.contains("*" + phrases[i] + "*")) {
                out = out.replaceFirst(Pattern.quote(phrases[i]), "*" + phrases[i] + "*");
                have++;
            }
        }
        StringBuilder sb = new StringBuilder(out);
        for (int i = 1; have < count; i++, have++) {
            sb.append(" *Key point ").append(i).append("*.");
        }
        return sb.toString();
    }

    private static String placeholders(String text, int count) {
        int have = text.split("\\[[^\\]\\n]*\\]", -1).length - 1;
        StringBuilder sb = new StringBuilder();
        for (int i = have + 1; i <= count; i++) {
            sb.append(i == have + 1 ? "\n\nDetails: " : " ").append("[detail ").append(i).append(']');
        }
        return sb.toString();
    }

    private static String json(String text) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(java.util.Map.of("answer", text.strip()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String capitalize(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
