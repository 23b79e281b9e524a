package dev.gepa4j.core.secret;

import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secret values this process knows, and the scrubbing of them from text. Every text that is stored or shown
 * passes through {@link #scrub}: an occurrence of a value becomes {@code [secret NAME removed]}, so a key that a
 * model or an agent echoed, or that an error message quoted, never reaches the workspace, the evidence packet, the
 * console or a log.
 *
 * <p>Values shorter than {@link #MIN_LENGTH} characters are not tracked: scrubbing "1" or "true" everywhere would
 * destroy text and protect nothing. Longer values are matched exactly, longest first (so a value that contains
 * another is removed whole).
 */
public final class Secrets {
    /** Values shorter than this are not treated as secrets. */
    public static final int MIN_LENGTH = 8;

    /** Provider variables scrubbed whenever they are set, whatever the config says. */
    public static final List<String> WELL_KNOWN = List.of("OPENAI_API_KEY", "ANTHROPIC_API_KEY", "GEMINI_API_KEY",
            "GOOGLE_API_KEY", "MISTRAL_API_KEY", "GROQ_API_KEY", "TOGETHER_API_KEY", "OPENROUTER_API_KEY",
            "DEEPSEEK_API_KEY", "AZURE_OPENAI_API_KEY", "CODEX_API_KEY", "HF_TOKEN", "HUGGING_FACE_HUB_TOKEN",
            "COHERE_API_KEY", "XAI_API_KEY", "AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "GITHUB_TOKEN");

    private static final Secrets NONE = new Secrets(Map.of());

    private final Map<String, String> nameByValue;
    /** The values, longest first, sorted once: scrubbing runs on every text the workspace writes. */
    private final List<String> longestFirst;

    private Secrets(Map<String, String> nameByValue) {
        this.nameByValue = nameByValue;
        this.longestFirst = nameByValue.keySet().stream().sorted(Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /** No secrets: {@link #scrub} returns its input. */
    public static Secrets none() {
        return NONE;
    }

    /**
     * The secrets in {@code environment}: the variables {@code namedByConfig} lists, the {@link #WELL_KNOWN}
     * provider variables, and every variable whose name is a secret by {@link SecretNames#isSecret}.
     */
    public static Secrets fromEnvironment(Map<String, String> environment, Collection<String> namedByConfig) {
        Map<String, String> byName = new LinkedHashMap<>();
        for (String name : namedByConfig) {
            if (name != null && environment.get(name) != null) {
                byName.put(name, environment.get(name));
            }
        }
        for (String name : WELL_KNOWN) {
            if (environment.get(name) != null) {
                byName.put(name, environment.get(name));
            }
        }
        environment.forEach((name, value) -> {
            if (SecretNames.isSecret(name)) {
                byName.put(name, value);
            }
        });
        return of(byName);
    }

    /** Secrets from explicit name-to-value pairs (values under {@link #MIN_LENGTH} are ignored). */
    public static Secrets of(Map<String, String> valueByName) {
        Map<String, String> nameByValue = new LinkedHashMap<>();
        valueByName.entrySet().stream()
                .filter(e -> e.getValue() != null && e.getValue().strip().length() >= MIN_LENGTH)
                .sorted(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getValue().strip().length())
                        .reversed())
                .forEach(e -> nameByValue.putIfAbsent(e.getValue().strip(), e.getKey()));
        return nameByValue.isEmpty() ? NONE : new Secrets(Map.copyOf(new LinkedHashMap<>(nameByValue)));
    }

    /** These secrets and {@code other}'s. */
    public Secrets and(Secrets other) {
        Map<String, String> merged = new LinkedHashMap<>();
        nameByValue.forEach((v, n) -> merged.put(n, v));
        other.nameByValue.forEach((v, n) -> merged.putIfAbsent(n, v));
        return of(merged);
    }

    /** Whether there is anything to scrub. */
    public boolean isEmpty() {
        return nameByValue.isEmpty();
    }

    /** The names of the tracked variables (never their values), for messages. */
    public List<String> names() {
        return nameByValue.values().stream().sorted().distinct().toList();
    }

    /** {@code text} with every known secret value replaced by {@code [secret NAME removed]}; null stays null. */
    public String scrub(String text) {
        if (text == null || nameByValue.isEmpty()) {
            return text;
        }
        String out = text;
        for (String value : longestFirst) {
            if (out.contains(value)) {
                out = out.replace(value, "[secret " + nameByValue.get(value) + " removed]");
            }
        }
        return out;
    }

    /** The name of a secret whose value occurs in {@code text}, if any. */
    public Optional<String> foundIn(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return longestFirst.stream().filter(text::contains).map(nameByValue::get).findFirst();
    }

    @Override
    public String toString() {
        return "Secrets" + names(); // names only: a log line must never print a value
    }
}
