package dev.gepa4j.tasks.gsm8k;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The bundled GSM8K test file (OpenAI, MIT licence; {@code data/README.md} and {@code data/LICENSE} next to it) and
 * the fixed splits the built-in GSM8K containers serve.
 *
 * <p>Only the upstream test split (1,319 problems) is bundled. {@link #splits()} shuffles it once with
 * {@link #SHUFFLE_SEED} and cuts it into {@code train} (the first {@link #TRAIN_SIZE}) and {@code test} (the rest),
 * disjoint; a run takes its heldout and test rows from {@code test}. Immutable and safe to share.
 */
public final class Gsm8kDataset {
    /** Problems in the {@code train} split; the rest form {@code test}. */
    public static final int TRAIN_SIZE = 300;
    /** Seed of the fixed shuffle that assigns problems to splits. */
    public static final long SHUFFLE_SEED = 8_000L;
    private static final String RESOURCE = "data/test.jsonl";
    private static final String GOLD_MARKER = "####";

    private final List<Gsm8kProblem> problems;

    private Gsm8kDataset(List<Gsm8kProblem> problems) {
        this.problems = List.copyOf(problems);
    }

    /** Loads the bundled file; fails with {@link UncheckedIOException} when it is missing or malformed. */
    public static Gsm8kDataset load() {
        try (InputStream in = Gsm8kDataset.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new UncheckedIOException(new IOException("the GSM8K data " + RESOURCE
                        + " is missing from the classpath (gepa-tasks jar)"));
            }
            return new Gsm8kDataset(parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the GSM8K data " + RESOURCE, e);
        }
    }

    /** All problems in file order. */
    public List<Gsm8kProblem> problems() {
        return problems;
    }

    /** The container's splits: the same on every call and every machine. */
    public Gsm8kSplits splits() {
        List<Gsm8kProblem> shuffled = new ArrayList<>(problems);
        Collections.shuffle(shuffled, new Random(SHUFFLE_SEED));
        return new Gsm8kSplits(shuffled.subList(0, TRAIN_SIZE), shuffled.subList(TRAIN_SIZE, shuffled.size()));
    }

    /** The gold answer of a worked solution: the text after its last {@code ####}, commas removed. */
    public static BigDecimal goldAnswer(String solution) {
        int at = solution.lastIndexOf(GOLD_MARKER);
        if (at < 0) {
            throw new IllegalArgumentException("a GSM8K solution has no '" + GOLD_MARKER + "' line");
        }
        return new BigDecimal(solution.substring(at + GOLD_MARKER.length()).strip().replace(",", ""));
    }

    private static List<Gsm8kProblem> parse(BufferedReader reader) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Gsm8kProblem> parsed = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            if (!line.isBlank()) {
                JsonNode row = json.readTree(line);
                String solution = row.path("answer").asText();
                parsed.add(new Gsm8kProblem(number, row.path("question").asText(), solution, goldAnswer(solution)));
            }
            number++;
        }
        return parsed;
    }
}
