package dev.gepa4j.runtime.loop;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.MergeSettings;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.RunListener;
import dev.gepa4j.core.engine.Staleness;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticOptions;
import dev.gepa4j.testkit.synthetic.SyntheticProposer;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.LongStream;

/**
 * The composition the invariant tests (and the child process of the kill test) run: a container URL over
 * {@link HttpTaskContainer}, the real {@link RolloutQueue} journaling into a {@link SqliteWorkspace}, the synthetic
 * proposer, and {@link GepaLoop}. A resumed run reopens the run and starts its budget at what the run already spent.
 *
 * @param concurrency the queue's fixed concurrency; serial runs that must repeat exactly use 1, so a batch's early
 *                    stop always cuts it at the same job
 * @param staleness   the overlapped mode's staleness policy
 */
record SyntheticLoop(String url, String runId, long seed, long budget, Mode mode, int lanes, int concurrency,
                     long proposerLatencyMs, Staleness staleness) {
    static final PolicySpec POLICY = PolicySpec.of("embedded", "synthetic");
    /** The task the tests use: 10 train and 4 heldout rows, two skills each (small, so CI stays fast). */
    static final SyntheticOptions TASK = new SyntheticOptions(10, 4, 2, 7, 0);
    /** A budget that lets a serial run on {@link #TASK} solve train before it runs out. */
    static final long BUDGET = 240;
    /** Train examples per gate. */
    static final int MINIBATCH = 3;

    static SyntheticLoop serial(String url, String runId, long seed, long budget) {
        return new SyntheticLoop(url, runId, seed, budget, Mode.SERIAL, 1, 1, 0, Staleness.acceptAsIs());
    }

    SyntheticLoop withProposerLatency(long ms) {
        return new SyntheticLoop(url, runId, seed, budget, mode, lanes, concurrency, ms, staleness);
    }

    /** What one process of a run did: the loop's result and the budget it committed (earlier processes included). */
    record Outcome(LoopResult result, long budgetCommitted, long queueExecuted) {
    }

    Outcome start(SqliteWorkspace workspace, List<RunListener> listeners) {
        return start(workspace, listeners, c -> c, p -> p);
    }

    Outcome resume(SqliteWorkspace workspace) {
        return resume(workspace, c -> c, p -> p);
    }

    /** A run whose loop settings and parts a test adjusts (merges on, a recording proposer, a stop handle). */
    Outcome start(SqliteWorkspace workspace, List<RunListener> listeners, UnaryOperator<LoopConfig.Builder> config,
                  UnaryOperator<LoopParts> parts) {
        return run(workspace.startRun(new RunSpec(runId, url, "synthetic", seed, mode.label(), budget)), listeners,
                config, parts);
    }

    Outcome resume(SqliteWorkspace workspace, UnaryOperator<LoopConfig.Builder> config, UnaryOperator<LoopParts> parts) {
        return run(workspace.resumeRun(runId), List.of(), config, parts);
    }

    private Outcome run(RunRecorder recorder, List<RunListener> listeners, UnaryOperator<LoopConfig.Builder> configured,
                        UnaryOperator<LoopParts> adjusted) {
        try (TaskContainer container = new HttpTaskContainer(url)) {
            container.preflight();
            RolloutBudget rolloutBudget = new RolloutBudget(budget, recorder.executedInRun());
            RolloutQueue queue = new RolloutQueue(List.of(container), recorder, rolloutBudget, CacheMode.READWRITE,
                    POLICY, runId, Duration.ofSeconds(20), RetryPolicy.defaults(), ConcurrencyLimits.fixed(concurrency),
                    new SplittableRandom(seed));
            var sizes = container.dataset().splitSizes();
            LoopParts parts = LoopParts.builder().program(container.program()).taskInfo(container.taskInfo())
                    .train(rows(container, Split.TRAIN, sizes.get("train")))
                    .heldout(rows(container, Split.HELDOUT, sizes.get("test"))).runner(queue).recorder(recorder)
                    .proposer(new SyntheticProposer(0.15, 0.15, proposerLatencyMs))
                    .random(RandomGeneratorFactory.of("L64X128MixRandom").create(seed)).listeners(listeners).build();
            // Minibatch 3 and no merges: the settings these comparisons were calibrated with.
            LoopConfig.Builder config = LoopConfig.builder().mode(mode).lanes(lanes).staleness(staleness)
                    .minibatchSize(MINIBATCH).merge(MergeSettings.off());
            LoopResult result = new GepaLoop(configured.apply(config).build(), adjusted.apply(parts)).run();
            return new Outcome(result, rolloutBudget.committed(), queue.counters().executed());
        }
    }

    private static List<DatasetRow> rows(TaskContainer container, Split split, int n) {
        return container.rows(split, LongStream.range(0, n).boxed().toList());
    }
}
