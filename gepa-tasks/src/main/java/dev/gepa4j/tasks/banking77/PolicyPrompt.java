package dev.gepa4j.tasks.banking77;

import java.util.List;
import java.util.Optional;

/**
 * A candidate system prompt as {@link EmbeddedIntentPolicy} understands it.
 *
 * @param instructions free-text lines kept verbatim (the policy does not act on them)
 * @param descriptions at most one description per label, in prompt order
 * @param rules        disambiguation rules, applied in prompt order
 */
public record PolicyPrompt(List<String> instructions, List<LabelDescription> descriptions, List<DisambiguationRule> rules) {
    public PolicyPrompt {
        instructions = List.copyOf(instructions);
        descriptions = List.copyOf(descriptions);
        rules = List.copyOf(rules);
    }

    /** The description of {@code label}, if the prompt has one. */
    public Optional<LabelDescription> descriptionOf(String label) {
        return descriptions.stream().filter(d -> d.label().equals(label)).findFirst();
    }
}
