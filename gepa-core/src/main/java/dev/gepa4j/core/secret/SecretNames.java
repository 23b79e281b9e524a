package dev.gepa4j.core.secret;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a setting's name says it holds a secret. The one rule used wherever a name decides: the container SDK
 * refuses request bodies with such a field, a policy spec refuses such an extra setting, the evidence packet leaves
 * such a config key out, and {@link Secrets#fromEnvironment} scrubs the values of such environment variables.
 *
 * <p>The name is split into lower-case words at {@code _ - .}, spaces and camelCase boundaries
 * ({@code OPENAI_API_KEY}, {@code x-api-key} and {@code openAiApiKey} all give {@code ... api key}). It names a
 * secret when
 * <ul>
 *   <li>a word is one of {@code secret password passwd passphrase credential(s) apikey privatekey bearer
 *       authorization cookie}; or</li>
 *   <li>a word is {@code key} and a secret kind comes before it ({@code api}, {@code access}, {@code private},
 *       ...), or it ends the name (possibly followed by {@code value}) and the word before it does not qualify a key
 *       that is not secret ({@code cache}, {@code public}, {@code sort}, {@code primary}, ...): {@code key_points}
 *       is an ordinary field; or</li>
 *   <li>a word is {@code token} (singular), unless another word makes it a count ({@code max}, {@code limit},
 *       {@code count}, {@code budget}, ...). Plural {@code tokens} is always a count ({@code max_tokens}).</li>
 * </ul>
 * A name whose last word is {@code env} ({@code api_key_env}) holds the <em>name</em> of a variable, not a
 * secret, and never matches.
 */
public final class SecretNames {
    private static final Set<String> SECRET_WORDS = Set.of("secret", "secrets", "password", "passwd", "passphrase",
            "credential", "credentials", "apikey", "privatekey", "bearer", "authorization", "cookie");
    private static final Set<String> HARMLESS_KEY_KINDS = Set.of("cache", "public", "sort", "primary", "foreign",
            "partition", "routing", "lookup", "idempotency", "dedup", "group", "row", "index", "map", "hash", "object");
    private static final Set<String> SECRET_KEY_KINDS = Set.of("api", "access", "secret", "private", "auth",
            "signing", "encryption", "client", "master", "license", "service", "account");
    private static final Set<String> VALUE_WORDS = Set.of("value", "data", "string", "text", "b64", "base64", "hex");
    private static final Set<String> COUNT_WORDS = Set.of("max", "min", "limit", "count", "budget", "usage", "total",
            "input", "output", "prompt", "completion", "per");

    private SecretNames() {
    }

    /** True when {@code name} names a secret by the rule above; false for null or blank names. */
    public static boolean isSecret(String name) {
        List<String> words = words(name);
        if (words.isEmpty() || words.getLast().equals("env")) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (SECRET_WORDS.contains(w)) {
                return true;
            }
            if (w.equals("key") && secretKey(words, i)) {
                return true;
            }
            if (w.equals("token") && words.stream().noneMatch(COUNT_WORDS::contains)) {
                return true;
            }
        }
        return false;
    }

    /**
     * A key word names a secret when a secret kind comes before it ({@code api}, {@code access}, {@code private},
     * ...), or when it ends the name (or only a value word follows) and no harmless kind comes before it. So
     * {@code OPENAI_KEY}, {@code api_key_value} and {@code key} are secrets; {@code cache_key} and a field like
     * {@code key_points} are not.
     */
    private static boolean secretKey(List<String> words, int i) {
        String before = i == 0 ? "" : words.get(i - 1);
        if (SECRET_KEY_KINDS.contains(before)) {
            return true;
        }
        boolean atEnd = i == words.size() - 1 || i == words.size() - 2 && VALUE_WORDS.contains(words.get(i + 1));
        return atEnd && !HARMLESS_KEY_KINDS.contains(before);
    }

    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        if (name == null) {
            return words;
        }
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean camelBoundary = Character.isUpperCase(c) && i > 0 && Character.isLowerCase(name.charAt(i - 1));
            if (!Character.isLetterOrDigit(c) || camelBoundary) {
                flush(word, words);
            }
            if (Character.isLetterOrDigit(c)) {
                word.append(Character.toLowerCase(c));
            }
        }
        flush(word, words);
        return words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (!word.isEmpty()) {
            words.add(word.toString());
            word.setLength(0);
        }
    }
}
