package dev.gepa4j.tasks.gsm8k;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.sdk.ExampleRow;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The data side every GSM8K container shares: split sizes, rows by seed, and the problem behind a row. A row has
 * the fields {@code question} and {@code answer} (the gold number as text). Thread-safe (immutable).
 */
public final class Gsm8kRows {
    /** Row field holding the word problem. */
    public static final String QUESTION = "question";
    /** Row field holding the gold answer. */
    public static final String ANSWER = "answer";

    private final Gsm8kSplits splits;

    public Gsm8kRows(Gsm8kSplits splits) {
        this.splits = splits;
    }

    /** The bundled data with the fixed splits. */
    public static Gsm8kRows bundled() {
        return new Gsm8kRows(Gsm8kDataset.load().splits());
    }

    /** What {@code GET /dataset} says. */
    public DatasetInfo dataset() {
        return new DatasetInfo("gsm8k", Map.of("train", splits.train().size(), "test", splits.test().size()));
    }

    /** One row per seed, in seed order; an unknown split or a seed out of range is an {@link IllegalArgumentException}. */
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<Gsm8kProblem> pool = pool(split);
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            if (seed < 0 || seed >= pool.size()) {
                throw new IllegalArgumentException("seed " + seed + " is out of range for split " + split + ": 0.."
                        + (pool.size() - 1));
            }
            Gsm8kProblem p = pool.get((int) seed);
            rows.add(new ExampleRow(p.exampleId(), seed, split,
                    Map.of(QUESTION, p.question(), ANSWER, p.answer().toPlainString())));
        }
        return rows;
    }

    /** The problem a row (as the SDK looked it up) stands for. */
    public Gsm8kProblem problem(ExampleRow row) {
        return pool(row.split()).get((int) row.seed());
    }

    private List<Gsm8kProblem> pool(String split) {
        return switch (split) {
            case "train" -> splits.train();
            case "test" -> splits.test();
            default -> throw new IllegalArgumentException("unknown split '" + split + "': use train or test");
        };
    }
}
