package dev.gepa4j.tasks.banking77;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Proposes an improved prompt from failures, without a language model or network: the offline reflection step.
 *
 * <p>An LLM reflector told "expected card_arrival but the prompt led to card_delivery_estimate" would explain what
 * card_arrival means and how it differs from its look-alike. This editor does the same from {@link IntentKnowledge},
 * a hand-written knowledge base of intent descriptions and contrasts. For each failure (up to
 * {@link #MAX_FAILURES_PER_EDIT}, drawn in a random order), depending on the {@link EditFocus}:
 * <ol>
 *   <li><b>descriptions</b>: the expected label gets its knowledge-base description if the prompt has none, or if it
 *       has only a generic one ("questions about ..."), which is sharpened; the predicted label and the look-alikes
 *       the knowledge base lists for either label are described the same way, so the prompt tells them apart;</li>
 *   <li><b>rules</b>: rules that pushed the message to the wrong label are removed, and the knowledge-base contrast
 *       for the (expected, predicted) pair is added as {@code If the message mentions "w", prefer expected over
 *       predicted.} when the message contains its terms; at most {@link #MAX_RULES} rules, oldest dropped first, one
 *       per label pair;</li>
 *   <li><b>example phrases</b>, used sparingly because they fit the training messages rather than the intent: the
 *       shortened message becomes an example of the expected label (at most {@link #MAX_EXAMPLES} per label) under
 *       {@link EditFocus#EXAMPLES}, and under the default focus only when knowledge did not help (the label already
 *       had its knowledge-base description and no contrast applies).</li>
 * </ol>
 * The output is always valid dialect and reads as a decision policy. The result depends only on the inputs and the
 * draws from the caller's generator, so it is deterministic for a seeded generator.
 */
public final class OfflinePromptEditor {
    static final int MAX_FAILURES_PER_EDIT = 4;
    static final int MAX_EXAMPLES = 2;
    static final int MAX_RULES = 20;
    static final int MAX_EXAMPLE_CHARS = 120;

    private final PolicyDialect dialect;
    private final IntentKnowledge knowledge;

    /** An editor writing prompts in {@code dialect} (use {@link EmbeddedIntentPolicy#dialect()}), bundled knowledge. */
    public OfflinePromptEditor(PolicyDialect dialect) {
        this(dialect, IntentKnowledge.bundled());
    }

    /** An editor drawing on the given knowledge base. */
    public OfflinePromptEditor(PolicyDialect dialect, IntentKnowledge knowledge) {
        this.dialect = dialect;
        this.knowledge = knowledge;
    }

    /** One edit with the default focus; returns {@code prompt} unchanged when there is no failure. */
    public String propose(String prompt, List<ClassificationFailure> failures, RandomGenerator random) {
        return propose(prompt, failures, random, EditFocus.DESCRIPTIONS_AND_RULES);
    }

    /** One edit with the given focus. */
    public String propose(String prompt, List<ClassificationFailure> failures, RandomGenerator random, EditFocus focus) {
        PromptDraft draft = new PromptDraft(dialect.parse(prompt));
        List<ClassificationFailure> order = new ArrayList<>(failures);
        for (int i = order.size() - 1; i > 0; i--) {
            Collections.swap(order, i, random.nextInt(i + 1));
        }
        for (ClassificationFailure f : order.subList(0, Math.min(MAX_FAILURES_PER_EDIT, order.size()))) {
            draft.dropRulesPushing(f.predicted(), f.message());
            boolean knewExpected = hasKnowledgeDescription(draft, f.expected());
            if (focus != EditFocus.RULES) {
                describe(draft, f.expected());
                describe(draft, f.predicted());
                // A reflector explaining a confusion also says what the look-alike intents of both labels mean.
                knowledge.lookAlikes(f.expected()).forEach(l -> describe(draft, l));
                knowledge.lookAlikes(f.predicted()).forEach(l -> describe(draft, l));
            }
            boolean ruled = false;
            if (focus == EditFocus.RULES || focus == EditFocus.DESCRIPTIONS_AND_RULES) {
                Optional<DisambiguationRule> rule = contrastRule(f, random);
                if (rule.isEmpty() && focus == EditFocus.RULES) {
                    rule = wordRule(f, random);
                }
                rule.ifPresent(r -> draft.putRule(r, MAX_RULES));
                ruled = rule.isPresent();
            }
            boolean example = focus == EditFocus.EXAMPLES
                    || (focus == EditFocus.DESCRIPTIONS_AND_RULES && knewExpected && !ruled);
            if (example) {
                draft.addExample(f.expected(), proseFor(f.expected()), shorten(f.message()), MAX_EXAMPLES, random);
                draft.dropClosestExample(f.predicted(), f.message());
            }
        }
        return dialect.render(draft.build());
    }

    /**
     * {@code count} different edits of the same failures. The focus cycles: descriptions with contrast rules (the
     * default), descriptions only, descriptions with example phrases, rules only. Each edit draws from its own
     * generator seeded from {@code random}.
     */
    public List<String> alternatives(String prompt, List<ClassificationFailure> failures, RandomGenerator random,
            int count) {
        EditFocus[] cycle = {EditFocus.DESCRIPTIONS_AND_RULES, EditFocus.DESCRIPTIONS, EditFocus.EXAMPLES,
            EditFocus.RULES};
        List<String> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            out.add(propose(prompt, failures, new SplittableRandom(random.nextLong()), cycle[i % cycle.length]));
        }
        return out;
    }

    /** The knowledge-base description of {@code label}, or a generic one when the knowledge base has none. */
    String proseFor(String label) {
        return knowledge.description(label).orElseGet(() -> genericDescription(label));
    }

    /** The generic prose an editor without knowledge would write. */
    static String genericDescription(String label) {
        return "questions about " + Banking77Prompts.humanize(label);
    }

    private boolean hasKnowledgeDescription(PromptDraft draft, String label) {
        return draft.prose(label).filter(p -> p.equals(proseFor(label))).isPresent();
    }

    /** Adds the knowledge description of {@code label}, or replaces an empty or generic one; keeps examples. */
    private void describe(PromptDraft draft, String label) {
        Optional<String> current = draft.prose(label);
        if (current.isEmpty() || current.get().isEmpty() || current.get().equals(genericDescription(label))) {
            draft.setProse(label, proseFor(label));
        }
    }

    /** The knowledge-base contrast for the failure's label pair whose terms the message contains, if any. */
    private Optional<DisambiguationRule> contrastRule(ClassificationFailure f, RandomGenerator random) {
        List<IntentKnowledge.Contrast> fitting = knowledge.contrasts(f.expected(), f.predicted()).stream()
                .filter(c -> c.matches(f.message())).toList();
        return fitting.isEmpty() ? Optional.empty()
                : Optional.of(fitting.get(random.nextInt(fitting.size())).rule());
    }

    /** The message on one line, without double quotes (they delimit examples), cut at a word near 120 chars. */
    static String shorten(String message) {
        String line = message.replace('"', '\'').replaceAll("\\s+", " ").strip();
        if (line.length() <= MAX_EXAMPLE_CHARS) {
            return line;
        }
        int cut = line.lastIndexOf(' ', MAX_EXAMPLE_CHARS);
        return line.substring(0, cut > 40 ? cut : MAX_EXAMPLE_CHARS);
    }

    /** Without knowledge: a rule on a word of the message that signals the expected label and not the predicted one. */
    private static Optional<DisambiguationRule> wordRule(ClassificationFailure f, RandomGenerator random) {
        List<String> expectedName = Words.content(Banking77Prompts.humanize(f.expected()));
        List<String> predictedName = Words.content(Banking77Prompts.humanize(f.predicted()));
        List<String> message = Words.content(f.message()).stream().distinct().sorted().toList();
        List<String> fromName = new ArrayList<>();
        for (String w : message) {
            for (String n : expectedName) {
                String stem = w.length() < n.length() ? w : n;
                if (stem.length() >= 3 && w.startsWith(stem) && n.startsWith(stem) && !predictedName.contains(n)
                        && !fromName.contains(stem)) {
                    fromName.add(stem);
                }
            }
        }
        List<String> pool = !fromName.isEmpty() ? fromName
                : message.stream().filter(w -> w.length() >= 5 && predictedName.stream().noneMatch(w::startsWith)).toList();
        return pool.isEmpty() ? Optional.empty()
                : Optional.of(new DisambiguationRule(List.of(pool.get(random.nextInt(pool.size()))), f.expected(),
                        Optional.of(f.predicted())));
    }
}
