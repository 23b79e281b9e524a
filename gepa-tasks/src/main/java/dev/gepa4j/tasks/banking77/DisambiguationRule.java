package dev.gepa4j.tasks.banking77;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A prompt line {@code - If the message mentions "pending" and "top up", prefer pending_top_up over top_up_failed.}
 *
 * <p>All terms must occur in the message (case-insensitive, at word starts, so {@code "refund"} also matches
 * "refunded"). With {@code over}, the rule fires only when the current answer is that label; without it, the rule
 * fires when {@code preferred} is among the policy's top candidates.
 *
 * @param terms     one or more lower-case words or phrases
 * @param preferred the label to answer instead
 * @param over      the label being overridden, if the rule names one
 */
public record DisambiguationRule(List<String> terms, String preferred, Optional<String> over) {
    public DisambiguationRule {
        terms = List.copyOf(terms);
        Objects.requireNonNull(preferred, "preferred");
        Objects.requireNonNull(over, "over");
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a rule needs at least one term");
        }
    }

    /**
     * True when every term occurs in {@code normalizedMessage} (see {@link #normalize(String)}). Words match loosely
     * by stem: a message word matches a term word when they share the term's first letters, all but its last three
     * and at least four (all of a shorter word), so "arrival" matches "arrived" and "charge" matches "charges".
     */
    public boolean matches(String normalizedMessage) {
        String[] words = normalizedMessage.strip().split(" ");
        return terms.stream().allMatch(t -> containsPhrase(words, normalize(t).strip().split(" ")));
    }

    private static boolean containsPhrase(String[] words, String[] phrase) {
        for (int start = 0; start + phrase.length <= words.length; start++) {
            int k = 0;
            while (k < phrase.length && sameStem(words[start + k], phrase[k])) {
                k++;
            }
            if (k == phrase.length) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameStem(String word, String term) {
        int stem = Math.min(term.length(), Math.max(4, term.length() - 3));
        return word.length() >= stem && word.regionMatches(0, term, 0, stem);
    }

    /** The line as the dialect writes it, without the leading bullet. */
    public String render() {
        String quoted = String.join(" and ", terms.stream().map(t -> "\"" + t + "\"").toList());
        return "If the message mentions " + quoted + ", prefer " + preferred + over.map(o -> " over " + o).orElse("") + ".";
    }

    /** Lower case, every run of non-letters/digits a single space, padded with one space on each side. */
    public static String normalize(String text) {
        return " " + text.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip() + " ";
    }
}
