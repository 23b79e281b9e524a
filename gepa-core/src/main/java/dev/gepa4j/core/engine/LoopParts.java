package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.SplitOverlap;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.propose.MergeProposer;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.RolloutRunner;
import dev.gepa4j.core.workspace.RunRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What the loop works with, already constructed by the composition root.
 *
 * @param program       the container's program surface (its seed candidate starts the run)
 * @param taskInfo      task description and proposer hints
 * @param train         train rows, in a fixed order (the frontier's examples)
 * @param heldout       heldout rows, used only for the final pick (may be empty)
 * @param pareto        the frontier's own rows: seed and gated children are scored on them to join the frontier;
 *                      empty (the default) scores the frontier on {@code train}
 * @param test          test rows, reported only: the seed and the final pick run on them after the loop has
 *                      finished, through {@code testRunner}; no decision reads them (may be empty)
 * @param testRunner    runs the test rollouts on a budget of their own (the loop's budget is the optimization
 *                      budget); required when {@code test} is not empty
 * @param runner        runs rollouts, holds the hard budget
 * @param recorder      the run in the workspace (also the rollout journal)
 * @param proposer      the reflective proposer
 * @param mergeProposer the merge proposer, used when merges are enabled
 * @param policies      parent/minibatch/component selection, acceptance, extra stop conditions
 * @param random        the run's seeded generator; the loop draws every random choice from it
 * @param listeners     progress bars, console feeds, evidence writers; their exceptions are logged and dropped
 * @param stopHandle    a clean stop requested from outside (SIGINT)
 * @param clock         timestamps and wall time
 */
public record LoopParts(ProgramSpec program, TaskInfo taskInfo, List<DatasetRow> train, List<DatasetRow> heldout,
                        List<DatasetRow> pareto, List<DatasetRow> test, RolloutRunner testRunner,
                        RolloutRunner runner, RunRecorder recorder, Proposer proposer, Proposer mergeProposer,
                        LoopPolicies policies, RandomGenerator random, List<RunListener> listeners,
                        StopHandle stopHandle, Clock clock) {
    public LoopParts {
        Objects.requireNonNull(program, "program");
        taskInfo = taskInfo == null ? new TaskInfo("", "", "") : taskInfo;
        train = List.copyOf(train);
        heldout = List.copyOf(heldout == null ? List.of() : heldout);
        pareto = List.copyOf(pareto == null ? List.of() : pareto);
        test = List.copyOf(test == null ? List.of() : test);
        if (!test.isEmpty()) {
            Objects.requireNonNull(testRunner, "testRunner (the test split runs on a budget of its own)");
        }
        Objects.requireNonNull(runner, "runner");
        Objects.requireNonNull(recorder, "recorder");
        Objects.requireNonNull(proposer, "proposer");
        mergeProposer = mergeProposer == null ? new MergeProposer() : mergeProposer;
        policies = policies == null ? LoopPolicies.defaults() : policies;
        Objects.requireNonNull(random, "random (pass a seeded generator, e.g. RandomGenerator.of(\"L64X128MixRandom\") seeded)");
        listeners = List.copyOf(listeners == null ? List.of() : listeners);
        stopHandle = stopHandle == null ? new StopHandle() : stopHandle;
        clock = clock == null ? Clock.systemUTC() : clock;
        if (train.isEmpty()) {
            throw new IllegalArgumentException("the loop needs at least one train row; check the container's dataset and the configured split sizes");
        }
        SplitOverlap.requireDisjoint(Map.of("train", train, "pareto", pareto, "heldout", heldout, "test", test));
    }

    /** The rows the frontier is scored on: {@link #pareto()} when given, else {@link #train()}. */
    public List<DatasetRow> frontierRows() {
        return pareto.isEmpty() ? train : pareto;
    }

    /** The split of {@link #frontierRows()}. */
    public Split frontierSplit() {
        return pareto.isEmpty() ? Split.TRAIN : Split.PARETO;
    }

    /**
     * A builder for the usual parts: set program, train, runner, recorder, proposer and random (and heldout, task info,
     * listeners... as needed); the rest defaults to default policies, the merge proposer, a fresh stop handle and the
     * system clock.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of {@link LoopParts}; {@link #build()} checks what the record requires. */
    public static final class Builder {
        private ProgramSpec program;
        private TaskInfo taskInfo;
        private List<DatasetRow> train = List.of();
        private List<DatasetRow> heldout;
        private List<DatasetRow> pareto;
        private List<DatasetRow> test;
        private RolloutRunner testRunner;
        private RolloutRunner runner;
        private RunRecorder recorder;
        private Proposer proposer;
        private Proposer mergeProposer;
        private LoopPolicies policies;
        private RandomGenerator random;
        private List<RunListener> listeners;
        private StopHandle stopHandle;
        private Clock clock;

        private Builder() {
        }

        public Builder program(ProgramSpec p) {
            this.program = p;
            return this;
        }

        public Builder taskInfo(TaskInfo t) {
            this.taskInfo = t;
            return this;
        }

        public Builder train(List<DatasetRow> rows) {
            this.train = rows;
            return this;
        }

        public Builder heldout(List<DatasetRow> rows) {
            this.heldout = rows;
            return this;
        }

        /** The frontier on its own rows instead of train (empty or unset: on train). */
        public Builder pareto(List<DatasetRow> rows) {
            this.pareto = rows;
            return this;
        }

        /** A test split, run after the loop through {@code runner} (a budget of its own). */
        public Builder test(List<DatasetRow> rows, RolloutRunner runner) {
            this.test = rows;
            this.testRunner = runner;
            return this;
        }

        public Builder runner(RolloutRunner r) {
            this.runner = r;
            return this;
        }

        public Builder recorder(RunRecorder r) {
            this.recorder = r;
            return this;
        }

        public Builder proposer(Proposer p) {
            this.proposer = p;
            return this;
        }

        public Builder mergeProposer(Proposer p) {
            this.mergeProposer = p;
            return this;
        }

        public Builder policies(LoopPolicies p) {
            this.policies = p;
            return this;
        }

        public Builder random(RandomGenerator r) {
            this.random = r;
            return this;
        }

        public Builder listeners(List<RunListener> l) {
            this.listeners = l;
            return this;
        }

        public Builder stopHandle(StopHandle s) {
            this.stopHandle = s;
            return this;
        }

        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** @throws NullPointerException or IllegalArgumentException naming what is missing or wrong */
        public LoopParts build() {
            return new LoopParts(program, taskInfo, train, heldout, pareto, test, testRunner, runner, recorder, proposer,
                    mergeProposer, policies, random, listeners, stopHandle, clock);
        }
    }
}
