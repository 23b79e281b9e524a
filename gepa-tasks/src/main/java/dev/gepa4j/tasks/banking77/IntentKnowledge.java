package dev.gepa4j.tasks.banking77;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Banking domain knowledge for the offline reflection step: what each of the 77 intents means, and how to tell
 * commonly confused pairs apart. It stands in for the world knowledge an LLM reflector brings when told "expected
 * card_arrival but got card_delivery_estimate".
 *
 * <p>Read from the bundled tab-separated resource {@code intent-knowledge.tsv} (Jackson's CSV parser, '#' comment
 * lines, a header row). The wording was written by hand from the label names and train.csv only. Immutable and safe
 * to share.
 */
public final class IntentKnowledge {
    static final String RESOURCE = "intent-knowledge.tsv";

    /**
     * "Prefer {@code preferred} over {@code versus} when the message mentions all {@code terms}", with the reason.
     *
     * @param preferred the label the rule answers
     * @param versus    the look-alike label it overrides
     * @param terms     lower-case words or phrases that must all occur in the message
     * @param reason    a short plain-English explanation of the difference
     */
    public record Contrast(String preferred, String versus, List<String> terms, String reason) {
        public Contrast {
            terms = List.copyOf(terms);
            if (terms.isEmpty()) {
                throw new IllegalArgumentException("a contrast needs at least one term: " + preferred + "/" + versus);
            }
        }

        /** The contrast as a dialect rule. */
        public DisambiguationRule rule() {
            return new DisambiguationRule(terms, preferred, Optional.of(versus));
        }

        /** True when the rule would fire on {@code message} (every term occurs in it). */
        public boolean matches(String message) {
            return rule().matches(DisambiguationRule.normalize(message));
        }
    }

    private static final IntentKnowledge BUNDLED = parse(IntentKnowledge.class, RESOURCE);

    private final Map<String, String> descriptions;
    private final List<Contrast> contrasts;

    IntentKnowledge(Map<String, String> descriptions, List<Contrast> contrasts) {
        this.descriptions = Map.copyOf(descriptions);
        this.contrasts = List.copyOf(contrasts);
    }

    /** The bundled knowledge base (loaded once). */
    public static IntentKnowledge bundled() {
        return BUNDLED;
    }

    /** The one-sentence description of {@code label}, if the knowledge base has one. */
    public Optional<String> description(String label) {
        return Optional.ofNullable(descriptions.get(label));
    }

    /** Every label the knowledge base describes. */
    public Set<String> describedLabels() {
        return descriptions.keySet();
    }

    /** All contrasts in file order. */
    public List<Contrast> contrasts() {
        return contrasts;
    }

    /** The contrasts preferring {@code preferred} over {@code versus}, in file order. */
    public List<Contrast> contrasts(String preferred, String versus) {
        return contrasts.stream().filter(c -> c.preferred().equals(preferred) && c.versus().equals(versus)).toList();
    }

    /** Labels the knowledge base contrasts with {@code label}, either way round, in file order without repeats. */
    public List<String> lookAlikes(String label) {
        return contrasts.stream()
                .flatMap(c -> c.preferred().equals(label) ? java.util.stream.Stream.of(c.versus())
                        : c.versus().equals(label) ? java.util.stream.Stream.of(c.preferred())
                        : java.util.stream.Stream.empty())
                .distinct().toList();
    }

    /** A prompt giving every described label its description: the ceiling of descriptions alone. */
    public String describeAll(String instruction, List<String> labels, PolicyDialect dialect) {
        List<LabelDescription> all = new ArrayList<>();
        for (String label : labels) {
            description(label).ifPresent(d -> all.add(new LabelDescription(label, d, List.of())));
        }
        return dialect.render(new PolicyPrompt(List.of(instruction), all, List.of()));
    }

    static IntentKnowledge parse(Class<?> anchor, String resource) {
        CsvMapper mapper = new CsvMapper();
        mapper.enable(CsvParser.Feature.ALLOW_COMMENTS);
        mapper.enable(CsvParser.Feature.TRIM_SPACES);
        CsvSchema schema = CsvSchema.emptySchema().withHeader().withColumnSeparator('\t').withoutQuoteChar()
                .withComments();
        Map<String, String> descriptions = new LinkedHashMap<>();
        List<Contrast> contrasts = new ArrayList<>();
        try (InputStream in = anchor.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing classpath resource " + resource);
            }
            try (MappingIterator<Map<String, String>> it = mapper.readerForMapOf(String.class).with(schema)
                    .readValues(in)) {
                while (it.hasNext()) {
                    Map<String, String> row = it.next();
                    String kind = row.getOrDefault("kind", "");
                    String label = row.getOrDefault("label", "");
                    String text = row.getOrDefault("text", "");
                    switch (kind) {
                        case "describe" -> {
                            if (descriptions.putIfAbsent(label, text) != null) {
                                throw new IllegalStateException(resource + ": " + label + " described twice");
                            }
                        }
                        case "contrast" -> contrasts.add(new Contrast(label, row.getOrDefault("versus", ""),
                                Arrays.stream(row.getOrDefault("terms", "").split("\\+"))
                                        .map(String::strip).filter(t -> !t.isEmpty()).toList(), text));
                        default -> throw new IllegalStateException(resource + ": unknown kind '" + kind + "'");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
        return new IntentKnowledge(descriptions, contrasts);
    }
}
