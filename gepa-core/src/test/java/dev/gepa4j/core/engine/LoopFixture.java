package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.propose.Proposer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/** Builds loops over the fake keyword task. */
final class LoopFixture {
    static final ProgramSpec PROGRAM = new ProgramSpec("kw", List.of(
            new ProgramModule("m1", "system", "", true, "instructions"),
            new ProgramModule("m2", "user", "", true, "format")),
            Map.of("instructions", "solve it", "format", "answer briefly"));

    static List<DatasetRow> rows(Split split, int n, int offset) {
        List<DatasetRow> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            long seed = offset + i;
            rows.add(new DatasetRow(new ExampleRef(split, seed, split.label() + "-" + seed), "{\"seed\":" + seed + "}",
                    "question " + seed));
        }
        return rows;
    }

    static RandomGenerator random(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /**
     * The settings these tests were written for (GEPA's paper settings: serial, minibatch 3, no merges, children
     * registered whatever their lag), stated here rather than taken from the product defaults.
     */
    static LoopConfig.Builder config() {
        return LoopConfig.builder().mode(Mode.SERIAL).minibatchSize(3).lanes(4).staleness(Staleness.acceptAsIs())
                .merge(MergeSettings.off());
    }

    /** {@link #config()} as it is. */
    static LoopConfig serial() {
        return config().build();
    }

    static LoopParts parts(FakeRunner runner, InMemoryRecorder recorder, Proposer proposer, long seed) {
        return partsBuilder(runner, recorder, proposer, seed).build();
    }

    /** The keyword task's parts: 10 train and 5 heldout rows, the given runner, recorder, proposer and seed. */
    static LoopParts.Builder partsBuilder(FakeRunner runner, InMemoryRecorder recorder, Proposer proposer, long seed) {
        return LoopParts.builder().program(PROGRAM)
                .taskInfo(new TaskInfo("kw", "put the right keywords in the right fields", "feedback names them"))
                .train(rows(Split.TRAIN, 10, 0)).heldout(rows(Split.HELDOUT, 5, 100)).runner(runner).recorder(recorder)
                .proposer(proposer).random(random(seed));
    }
}
