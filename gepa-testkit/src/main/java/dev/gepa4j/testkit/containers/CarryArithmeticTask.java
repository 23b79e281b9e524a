package dev.gepa4j.testkit.containers;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.sdk.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * A small deterministic task: add two three-digit numbers. The stand-in policy adds digit by digit and only carries
 * when the candidate's instruction mentions "carry", so the seed prompt fails every example that needs a carry and a
 * better prompt fixes them; the verifier compares with the true sum. Splits {@code train} (24) and {@code test} (12)
 * are drawn from a fixed seed. Thread-safe (immutable after construction).
 */
public final class CarryArithmeticTask implements TaskHandler {
    public static final String FIELD = "instruction";
    public static final String SEED_PROMPT = "Add the two numbers and answer with the sum only.";

    private final Map<String, List<int[]>> splits;

    public CarryArithmeticTask() {
        Random random = new Random(20_240_611L);
        this.splits = Map.of("train", draw(random, 24), "test", draw(random, 12));
    }

    private static List<int[]> draw(Random random, int n) {
        List<int[]> pairs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            pairs.add(new int[] {100 + random.nextInt(900), 100 + random.nextInt(900)});
        }
        return List.copyOf(pairs);
    }

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("carry_arithmetic", List.of(
                new ProgramModule("instruction", "system", SEED_PROMPT, true, FIELD)), Map.of(FIELD, SEED_PROMPT));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("carry_arithmetic", "Add two three-digit numbers; answer with the sum only.",
                "The policy drops carries unless told to carry.");
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("carry_arithmetic_v1", Map.of("train", splits.get("train").size(), "test",
                splits.get("test").size()));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<int[]> pairs = splits.get(split);
        if (pairs == null) {
            throw new IllegalArgumentException("unknown split '" + split + "': use train or test");
        }
        List<ExampleRow> rows = new ArrayList<>(seeds.size());
        for (long seed : seeds) {
            if (seed < 0 || seed >= pairs.size()) {
                throw new IllegalArgumentException("seed " + seed + " is outside split '" + split + "' (0.."
                        + (pairs.size() - 1) + ")");
            }
            int[] p = pairs.get((int) seed);
            rows.add(new ExampleRow(split + ":" + seed, seed, split, Map.of("text", p[0] + " + " + p[1],
                    "answer", Integer.toString(p[0] + p[1]))));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) {
        String[] parts = call.row().field("text").split(" \\+ ");
        int a = Integer.parseInt(parts[0]);
        int b = Integer.parseInt(parts[1]);
        boolean carries = call.candidate().getOrDefault(FIELD, "").toLowerCase(Locale.ROOT).contains("carry");
        String answer = Integer.toString(carries ? a + b : addWithoutCarry(a, b));
        String expected = call.row().field("answer");
        boolean passed = answer.equals(expected);
        String feedback = passed ? "correct" : "answered " + answer + " but " + a + " + " + b + " = " + expected
                + ": a carry was dropped";
        return new RolloutOutcome(passed ? 1.0 : 0.0, answer, new VerifierResult(passed, passed ? 1.0 : 0.0,
                feedback), Usage.of(call.candidate().getOrDefault(FIELD, "").length() / 4 + 6, 2, 0.0),
                List.of(new TraceEvent("input", call.row().field("text")), new TraceEvent("prediction", answer)),
                Map.of("expected", expected));
    }

    /** Digit-wise sum that drops every carry, the stand-in policy's mistake. */
    static int addWithoutCarry(int a, int b) {
        int result = 0;
        int place = 1;
        while (a > 0 || b > 0) {
            result += ((a % 10 + b % 10) % 10) * place;
            a /= 10;
            b /= 10;
            place *= 10;
        }
        return result;
    }
}
