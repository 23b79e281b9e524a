package dev.gepa4j.tasks.banking77;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/** A mutable working copy of a {@link PolicyPrompt} for {@link OfflinePromptEditor}; keeps prompt order. */
final class PromptDraft {
    private final List<String> instructions;
    private final List<LabelDescription> descriptions;
    private final List<DisambiguationRule> rules;

    PromptDraft(PolicyPrompt prompt) {
        instructions = new ArrayList<>(prompt.instructions());
        descriptions = new ArrayList<>(prompt.descriptions());
        rules = new ArrayList<>(prompt.rules());
    }

    /** Adds {@code example} to the label's description (created with {@code prose}); replaces a random one when full. */
    void addExample(String label, String prose, String example, int maxExamples, RandomGenerator random) {
        int at = indexOf(label);
        LabelDescription old = at < 0 ? new LabelDescription(label, prose, List.of()) : descriptions.get(at);
        if (old.examples().contains(example)) {
            return;
        }
        List<String> examples = new ArrayList<>(old.examples());
        if (examples.size() >= maxExamples) {
            examples.remove(random.nextInt(examples.size()));
        }
        examples.add(example);
        LabelDescription updated = new LabelDescription(label, old.prose().isEmpty() ? prose : old.prose(), examples);
        if (at < 0) {
            descriptions.add(updated);
        } else {
            descriptions.set(at, updated);
        }
    }

    /** Gives {@code label} the description {@code prose} (no examples) unless it already has one. */
    void describeIfMissing(String label, String prose) {
        if (indexOf(label) < 0) {
            descriptions.add(new LabelDescription(label, prose, List.of()));
        }
    }

    /** The prose of {@code label}'s description, if the prompt describes it. */
    Optional<String> prose(String label) {
        int at = indexOf(label);
        return at < 0 ? Optional.empty() : Optional.of(descriptions.get(at).prose());
    }

    /** Sets the prose of {@code label}'s description, creating it (without examples) when missing. */
    void setProse(String label, String prose) {
        int at = indexOf(label);
        if (at < 0) {
            descriptions.add(new LabelDescription(label, prose, List.of()));
        } else {
            descriptions.set(at, new LabelDescription(label, prose, descriptions.get(at).examples()));
        }
    }

    /** Drops the wrong label's example sharing the most content words (two or more) with {@code message}. */
    void dropClosestExample(String label, String message) {
        int at = indexOf(label);
        if (at < 0) {
            return;
        }
        Set<String> words = new HashSet<>(Words.content(message));
        LabelDescription d = descriptions.get(at);
        String closest = null;
        long best = 1;
        for (String e : d.examples()) {
            long shared = Words.content(e).stream().distinct().filter(words::contains).count();
            if (shared > best) {
                best = shared;
                closest = e;
            }
        }
        if (closest != null) {
            List<String> kept = new ArrayList<>(d.examples());
            kept.remove(closest);
            descriptions.set(at, new LabelDescription(label, d.prose(), kept));
        }
    }

    /** Removes rules that prefer {@code wrongLabel} and match {@code message}: they may have caused the failure. */
    void dropRulesPushing(String wrongLabel, String message) {
        String normalized = DisambiguationRule.normalize(message);
        rules.removeIf(r -> r.preferred().equals(wrongLabel) && r.matches(normalized));
    }

    /** Adds {@code rule}, replacing a rule for the same label pair and dropping the oldest beyond {@code maxRules}. */
    void putRule(DisambiguationRule rule, int maxRules) {
        rules.removeIf(r -> r.preferred().equals(rule.preferred()) && r.over().equals(rule.over()));
        // A rule pointing the other way for the same pair would undo this one.
        rules.removeIf(r -> rule.over().map(r.preferred()::equals).orElse(false)
                && r.over().map(rule.preferred()::equals).orElse(false) && r.terms().equals(rule.terms()));
        rules.add(rule);
        while (rules.size() > maxRules) {
            rules.removeFirst();
        }
    }

    PolicyPrompt build() {
        return new PolicyPrompt(instructions, descriptions, rules);
    }

    private int indexOf(String label) {
        for (int i = 0; i < descriptions.size(); i++) {
            if (descriptions.get(i).label().equals(label)) {
                return i;
            }
        }
        return -1;
    }
}
