package dev.gepa4j.tasks.banking77;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/** Word helpers shared by the verifier and the editor: content words without filler, in text order. */
final class Words {
    /** Function words and banking-generic filler that would make rules fire on almost any message. */
    static final Set<String> STOPWORDS = Set.of(
            "a", "about", "after", "again", "all", "am", "an", "and", "any", "are", "as", "at", "be", "been", "but",
            "by", "can", "cant", "could", "did", "didn", "do", "does", "doesn", "don", "for", "from", "get", "got",
            "had", "has", "have", "haven", "help", "hello", "hi", "how", "i", "if", "im", "in", "is", "isn", "it",
            "its", "just", "know", "like", "me", "my", "need", "no", "not", "of", "on", "one", "or", "please", "so",
            "some", "still", "that", "the", "there", "this", "to", "up", "was", "wasn", "we", "what", "when", "where",
            "which", "why", "will", "with", "would", "you", "your", "yet", "want", "thanks", "should",
            "account", "bank", "money", "tell", "able", "into", "they", "them", "then", "than");

    private Words() {}

    /** Lower-case words of {@code text} (see {@link DisambiguationRule#normalize}) minus stopwords, in order. */
    static List<String> content(String text) {
        return Arrays.stream(DisambiguationRule.normalize(text).strip().split(" "))
                .filter(w -> w.length() >= 3 && !STOPWORDS.contains(w))
                .toList();
    }
}
