package dev.gepa4j.tasks.humaneval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.GZIPInputStream;

/**
 * The 164 HumanEval problems, shipped as a resource with their licence ({@code data/LICENSE}, MIT, OpenAI), and
 * their split into train, validation and test: a fixed-seed shuffle, then the first {@value #TRAIN} problems, the
 * next {@value #VALIDATION}, and the rest. Disjoint and the same on every run.
 */
public final class HumanEvalDataset {
    /** The resource path of the data file, also read by the test double. */
    public static final String RESOURCE = "/dev/gepa4j/tasks/humaneval/data/HumanEval.jsonl.gz";
    static final int TRAIN = 40;
    static final int VALIDATION = 40;
    private static final long SPLIT_SEED = 18;

    private final List<HumanEvalProblem> all;
    private final Map<String, List<HumanEvalProblem>> splits;

    private HumanEvalDataset(List<HumanEvalProblem> all) {
        this.all = List.copyOf(all);
        List<HumanEvalProblem> shuffled = new ArrayList<>(all);
        Collections.shuffle(shuffled, new Random(SPLIT_SEED));
        this.splits = Map.of(
                "train", List.copyOf(shuffled.subList(0, TRAIN)),
                "validation", List.copyOf(shuffled.subList(TRAIN, TRAIN + VALIDATION)),
                "test", List.copyOf(shuffled.subList(TRAIN + VALIDATION, shuffled.size())));
    }

    /** Reads the bundled data file. */
    public static HumanEvalDataset load() {
        ObjectMapper json = new ObjectMapper();
        List<HumanEvalProblem> problems = new ArrayList<>();
        try (InputStream raw = HumanEvalDataset.class.getResourceAsStream(RESOURCE)) {
            if (raw == null) {
                throw new IllegalStateException("the HumanEval data file " + RESOURCE + " is missing from the classpath");
            }
            BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    problems.add(new HumanEvalProblem(n.path("task_id").asText(), n.path("prompt").asText(),
                            n.path("entry_point").asText(), n.path("canonical_solution").asText(), n.path("test").asText()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return new HumanEvalDataset(problems);
    }

    /** All problems in data-file order. */
    public List<HumanEvalProblem> all() {
        return all;
    }

    /** The problems of {@code train}, {@code validation} or {@code test}; an unknown name is refused with the valid ones. */
    public List<HumanEvalProblem> split(String name) {
        List<HumanEvalProblem> split = splits.get(name);
        if (split == null) {
            throw new IllegalArgumentException("unknown split '" + name + "': use train, validation or test");
        }
        return split;
    }

    /** Split sizes by name. */
    public Map<String, Integer> sizes() {
        return Map.of("train", splits.get("train").size(), "validation", splits.get("validation").size(), "test",
                splits.get("test").size());
    }
}
