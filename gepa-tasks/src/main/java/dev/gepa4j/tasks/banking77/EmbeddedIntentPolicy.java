package dev.gepa4j.tasks.banking77;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An in-process, deterministic stand-in for a language model that classifies a banking message under a candidate
 * system prompt written in the {@link PolicyDialect} dialect. No network, no API key.
 *
 * <p>How the prompt steers it:
 * <ul>
 *   <li><b>Label names</b> are always known: a label without a description is represented by its humanized name
 *       ("card arrival"). This is all the seed prompt gives, so the seed policy is weak.</li>
 *   <li><b>Descriptions</b> ({@code - card_arrival: waiting for a card that has not come}) replace the name
 *       prototype with the embedding of "name: prose"; each quoted example phrase adds one more prototype. A label
 *       scores the best cosine similarity over its prototypes, example phrases discounted by
 *       {@link #EXAMPLE_DISCOUNT} because message-to-message similarity runs higher than message-to-name similarity.
 *       A misleading description or example pulls the wrong messages, so edits can lower accuracy too.</li>
 *   <li><b>Rules</b> ({@code - If the message mentions "pending", prefer pending_top_up over top_up_failed.}) then
 *       re-rank in prompt order: a rule with {@code over X} fires only while the answer is X; a rule without
 *       {@code over} fires when its label is among the top {@link #RULE_REACH} candidates. Each rule fires at most
 *       once per message.</li>
 *   <li><b>Free instructions</b> are ignored.</li>
 * </ul>
 * Limits: no reasoning, negation or world knowledge beyond the sentence embedding; rules match words, not meaning.
 * Thread-safe; compiled prompts are cached by exact text.
 */
public final class EmbeddedIntentPolicy {
    /** Subtracted from example-phrase similarity so one stray example does not capture neighbouring intents. */
    static final double EXAMPLE_DISCOUNT = 0.10;
    /** How deep in the ranking a rule without {@code over} may reach for its label. */
    static final int RULE_REACH = 5;
    private static final int CACHED_PROMPTS = 512;

    private final SentenceEmbedder embedder;
    private final List<String> labels;
    private final PolicyDialect dialect;
    private final Map<String, CompiledPrompt> compiled = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CompiledPrompt> eldest) {
            return size() > CACHED_PROMPTS;
        }
    };

    private record Prototype(float[] vector, double discount, String evidence) {}

    private record CompiledPrompt(Map<String, List<Prototype>> prototypes, List<DisambiguationRule> rules, int words) {}

    /** A policy over {@code labels} (normally {@link Banking77Prompts#labels()}) using {@code embedder}. */
    public EmbeddedIntentPolicy(SentenceEmbedder embedder, List<String> labels) {
        this.embedder = embedder;
        this.labels = List.copyOf(labels);
        this.dialect = new PolicyDialect(Set.copyOf(labels));
    }

    /** The dialect this policy reads. */
    public PolicyDialect dialect() {
        return dialect;
    }

    /** Classifies {@code message} under {@code prompt}; the same inputs always give the same prediction. */
    public IntentPrediction classify(String prompt, String message) {
        CompiledPrompt program = compile(prompt);
        float[] query = embedder.embed(message);
        List<IntentPrediction.ScoredLabel> ranking = new ArrayList<>(labels.size());
        for (String label : labels) {
            Prototype best = null;
            double bestScore = Double.NEGATIVE_INFINITY;
            for (Prototype p : program.prototypes().get(label)) {
                double s = SentenceEmbedder.cosine(query, p.vector()) - p.discount();
                if (s > bestScore) {
                    bestScore = s;
                    best = p;
                }
            }
            ranking.add(new IntentPrediction.ScoredLabel(label, bestScore, best.evidence()));
        }
        // Ties break by label name so the answer never depends on list order.
        ranking.sort(Comparator.comparingDouble(IntentPrediction.ScoredLabel::score).reversed()
                .thenComparing(IntentPrediction.ScoredLabel::label));
        String answer = ranking.getFirst().label();
        Optional<String> fired = Optional.empty();
        String normalized = DisambiguationRule.normalize(message);
        List<String> reach = ranking.subList(0, RULE_REACH).stream().map(IntentPrediction.ScoredLabel::label).toList();
        for (DisambiguationRule rule : program.rules()) {
            boolean applies = rule.over().map(answer::equals).orElse(reach.contains(rule.preferred()));
            if (applies && !rule.preferred().equals(answer) && rule.matches(normalized)) {
                answer = rule.preferred();
                fired = Optional.of(rule.render());
            }
        }
        int promptTokens = program.words() + message.strip().split("\\s+").length;
        return new IntentPrediction(answer, answer, promptTokens, 1, ranking.getFirst().label(),
                ranking.getFirst().evidence(), fired, ranking.subList(0, RULE_REACH));
    }

    /** "card arrival", or "card arrival: prose" when the prompt describes the label. */
    private static String headText(PolicyPrompt policy, String label) {
        String head = Banking77Prompts.humanize(label);
        String prose = policy.descriptionOf(label).map(LabelDescription::prose).orElse("");
        return prose.isEmpty() ? head : head + ": " + prose;
    }

    private CompiledPrompt compile(String prompt) {
        synchronized (compiled) {
            CompiledPrompt hit = compiled.get(prompt);
            if (hit != null) {
                return hit;
            }
        }
        PolicyPrompt policy = dialect.parse(prompt);
        List<String> texts = new ArrayList<>();
        for (String label : labels) {
            texts.add(headText(policy, label));
            policy.descriptionOf(label).ifPresent(d -> texts.addAll(d.examples()));
        }
        embedder.warm(texts);
        Map<String, List<Prototype>> prototypes = new LinkedHashMap<>();
        for (String label : labels) {
            Optional<LabelDescription> d = policy.descriptionOf(label);
            String evidence = d.filter(x -> !x.prose().isEmpty()).isPresent() ? "description" : "label name";
            List<Prototype> list = new ArrayList<>();
            list.add(new Prototype(embedder.embed(headText(policy, label)), 0, evidence));
            for (String example : d.map(LabelDescription::examples).orElse(List.of())) {
                list.add(new Prototype(embedder.embed(example), EXAMPLE_DISCOUNT, "example \"" + example + "\""));
            }
            prototypes.put(label, list);
        }
        int words = prompt.isBlank() ? 0 : prompt.strip().split("\\s+").length;
        CompiledPrompt result = new CompiledPrompt(prototypes, policy.rules(), words);
        synchronized (compiled) {
            compiled.put(prompt, result);
        }
        return result;
    }
}
