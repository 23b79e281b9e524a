package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.propose.MergeProposer;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.RolloutRunner;
import dev.gepa4j.core.workspace.RunRecorder;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * What the loop works with, already constructed by the composition root.
 *
 * @param program       the container's program surface (its seed candidate starts the run)
 * @param taskInfo      task description and proposer hints
 * @param train         train rows, in a fixed order (the frontier's examples)
 * @param heldout       heldout rows, used only for the final pick (may be empty)
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
                        RolloutRunner runner, RunRecorder recorder, Proposer proposer, Proposer mergeProposer,
                        LoopPolicies policies, RandomGenerator random, List<RunListener> listeners,
                        StopHandle stopHandle, Clock clock) {
    public LoopParts {
        Objects.requireNonNull(program, "program");
        taskInfo = taskInfo == null ? new TaskInfo("", "", "") : taskInfo;
        train = List.copyOf(train);
        heldout = List.copyOf(heldout == null ? List.of() : heldout);
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
    }

    /** The usual parts: default policies, the merge proposer, a fresh stop handle, the system clock. */
    public static LoopParts of(ProgramSpec program, TaskInfo taskInfo, List<DatasetRow> train, List<DatasetRow> heldout,
                               RolloutRunner runner, RunRecorder recorder, Proposer proposer, RandomGenerator random) {
        return new LoopParts(program, taskInfo, train, heldout, runner, recorder, proposer, null, null, random,
                List.of(), null, null);
    }

    public LoopParts withPolicies(LoopPolicies p) {
        return new LoopParts(program, taskInfo, train, heldout, runner, recorder, proposer, mergeProposer, p, random,
                listeners, stopHandle, clock);
    }

    public LoopParts withListeners(List<RunListener> l) {
        return new LoopParts(program, taskInfo, train, heldout, runner, recorder, proposer, mergeProposer, policies,
                random, l, stopHandle, clock);
    }

    public LoopParts withStopHandle(StopHandle s) {
        return new LoopParts(program, taskInfo, train, heldout, runner, recorder, proposer, mergeProposer, policies,
                random, listeners, s, clock);
    }
}
