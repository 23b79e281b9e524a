package dev.gepa4j.tasks.ifeval;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.tasks.ifeval.checks.InstructionCheckers;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The bundled IFEval prompts ({@code data/input_data.jsonl}) and the container's splits.
 *
 * <p>{@link #splits()} keeps only prompts with at least one checked instruction (a prompt with none could not be
 * scored; with every instruction id of the data covered, none is dropped today), orders them by key, shuffles them
 * with the fixed seed {@value #SHUFFLE_SEED}, and cuts {@value #VALIDATION_SIZE} validation rows, then
 * {@value #TEST_SIZE} test rows, and leaves the rest for train. The same file always gives the same splits.
 */
public final class IfevalDataset {
    static final long SHUFFLE_SEED = 2311_07911L;
    static final int VALIDATION_SIZE = 100;
    static final int TEST_SIZE = 200;
    private static final String FILE = "data/input_data.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<IfevalExample> examples;

    private IfevalDataset(List<IfevalExample> examples) {
        this.examples = List.copyOf(examples);
    }

    /** Reads the bundled file; fails with {@link UncheckedIOException} if it is missing or a line is malformed. */
    public static IfevalDataset load() {
        try (InputStream in = IfevalDataset.class.getResourceAsStream(FILE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("bundled IFEval data missing: " + FILE));
            }
            return new IfevalDataset(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every prompt, in file order. */
    public List<IfevalExample> examples() {
        return examples;
    }

    /** The disjoint train, validation and test splits (see the class comment). */
    public IfevalSplits splits() {
        List<IfevalExample> scorable = new ArrayList<>();
        for (IfevalExample e : examples) {
            if (e.instructions().stream().anyMatch(i -> InstructionCheckers.forId(i.id()).isPresent())) {
                scorable.add(e);
            }
        }
        scorable.sort(Comparator.comparingInt(IfevalExample::key));
        Collections.shuffle(scorable, new Random(SHUFFLE_SEED));
        int v = Math.min(VALIDATION_SIZE, scorable.size() / 4);
        int t = Math.min(TEST_SIZE, scorable.size() / 2);
        return new IfevalSplits(scorable.subList(v + t, scorable.size()), scorable.subList(0, v),
                scorable.subList(v, v + t));
    }

    private static List<IfevalExample> parse(BufferedReader reader) throws IOException {
        List<IfevalExample> out = new ArrayList<>();
        String line;
        int lineNo = 0;
        while ((line = reader.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            JsonNode row = JSON.readTree(line);
            JsonNode ids = row.path("instruction_id_list");
            JsonNode kwargs = row.path("kwargs");
            if (!row.path("key").isInt() || !row.path("prompt").isTextual() || !ids.isArray()
                    || !kwargs.isArray() || ids.size() != kwargs.size()) {
                throw new IOException("IFEval data line " + lineNo + " lacks key, prompt, or matching "
                        + "instruction_id_list and kwargs");
            }
            List<IfevalInstruction> instructions = new ArrayList<>();
            for (int i = 0; i < ids.size(); i++) {
                Map<String, Object> args = JSON.convertValue(kwargs.get(i), new TypeReference<Map<String, Object>>() {});
                args.values().removeIf(java.util.Objects::isNull);
                instructions.add(new IfevalInstruction(ids.get(i).asText(), args));
            }
            out.add(new IfevalExample(row.path("key").asInt(), row.path("prompt").asText(), instructions));
        }
        return out;
    }
}
