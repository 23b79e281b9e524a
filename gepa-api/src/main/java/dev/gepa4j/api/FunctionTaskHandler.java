package dev.gepa4j.api;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * A {@link Task} and its examples as a {@link TaskHandler}: every seed field is a mutable module, each data role is a
 * split of the same name, and a row's seed is the example's index in its role's list. A row carries the example's
 * description (field {@code input}), which the proposer and the console show; the example object itself stays in
 * memory and is handed to the task.
 */
final class FunctionTaskHandler<T> implements TaskHandler {
    private final String name;
    private final String description;
    private final Map<String, String> seed;
    private final Task<T> task;
    private final Function<? super T, String> describe;
    private final Map<Split, List<T>> examples;

    FunctionTaskHandler(String name, String description, Map<String, String> seed, Task<T> task,
                        Function<? super T, String> describe, Map<Split, List<T>> examples) {
        this.name = name;
        this.description = description;
        this.seed = new TreeMap<>(seed);
        this.task = task;
        this.describe = describe;
        this.examples = new EnumMap<>(Split.class);
        for (Split s : Split.values()) {
            this.examples.put(s, List.copyOf(examples.getOrDefault(s, List.of())));
        }
    }

    @Override
    public ProgramSpec program() {
        List<ProgramModule> modules = new ArrayList<>();
        seed.forEach((field, text) -> modules.add(new ProgramModule(field, "prompt", text, true, field)));
        return new ProgramSpec(name, modules, seed);
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo(name, description, "");
    }

    @Override
    public DatasetInfo dataset() {
        Map<String, Integer> sizes = new TreeMap<>();
        examples.forEach((split, rows) -> sizes.put(split.label(), rows.size()));
        return new DatasetInfo(name, sizes);
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        List<T> rows = examples.get(Split.fromLabel(split));
        List<ExampleRow> out = new ArrayList<>(seeds.size());
        for (long s : seeds) {
            out.add(new ExampleRow(split + ":" + s, s, split, Map.of("input", describe(rows, s, split))));
        }
        return out;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) throws Exception {
        T example = examples.get(Split.fromLabel(call.row().split())).get((int) call.row().seed());
        Evaluation e = task.evaluate(call.candidate(), example);
        if (e == null) {
            throw new IllegalStateException("the task returned no evaluation for example " + call.row().exampleId());
        }
        return new RolloutOutcome(e.score(), e.output(), new VerifierResult(e.score() >= 1.0, e.score(),
                e.feedback().isEmpty() ? null : e.feedback(), e.feedbackByField()), Usage.ZERO, e.trace(), Map.of());
    }

    private String describe(List<T> rows, long seed, String split) {
        if (seed < 0 || seed >= rows.size()) {
            throw new IllegalArgumentException("no example " + seed + " in the " + split + " rows (there are "
                    + rows.size() + ")");
        }
        String text = describe.apply(rows.get((int) seed));
        return text == null ? "" : text;
    }
}
