package dev.gepa4j.runtime.llm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A meta-prompt template with {@code {{name}}} placeholders, checked when it is loaded: every placeholder must be
 * known, and {@code {{current_text}}} and {@code {{answer_format}}} must be present (without them the model cannot
 * see the text or cannot know the answer format this proposer parses).
 *
 * <p>Rendering is a single pass, so a value that itself contains {@code {{...}}} is inserted verbatim.
 */
final class MetaPrompt {
    static final Set<String> PLACEHOLDERS = Set.of("field", "task_description", "current_text", "scores", "failures",
            "successes", "parent_diff", "frontier_summary", "proposer_hints", "rejected_attempts", "answer_format");
    private static final Set<String> REQUIRED = Set.of("current_text", "answer_format");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([a-zA-Z_]+)\\s*}}");

    private final String template;

    private MetaPrompt(String template) {
        this.template = template;
    }

    /** Parses and checks a template; {@code origin} names it in errors (a file path, "built-in"). */
    static MetaPrompt of(String template, String origin) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            found.add(m.group(1));
        }
        Set<String> unknown = new TreeSet<>(found);
        unknown.removeAll(PLACEHOLDERS);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("meta-prompt " + origin + " uses unknown placeholder(s) " + unknown
                    + "; known ones are " + new TreeSet<>(PLACEHOLDERS));
        }
        Set<String> missing = new TreeSet<>(REQUIRED);
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("meta-prompt " + origin + " lacks placeholder(s) "
                    + missing.stream().map(s -> "{{" + s + "}}").toList()
                    + "; the model must see the current text and the answer format");
        }
        return new MetaPrompt(template);
    }

    static MetaPrompt builtIn() {
        return of(resource("meta-prompt.md"), "built-in meta-prompt.md");
    }

    String render(Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = Objects.requireNonNullElse(values.get(m.group(1)), "");
            m.appendReplacement(out, Matcher.quoteReplacement(value.isBlank() ? "(none)" : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** A text resource beside this class. */
    static String resource(String name) {
        try (InputStream in = MetaPrompt.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " missing from the gepa-runtime jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
