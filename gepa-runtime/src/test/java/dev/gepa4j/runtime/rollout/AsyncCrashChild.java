package dev.gepa4j.runtime.rollout;

import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The process {@link AsyncCrashResumeTest} kills while it polls async rollouts: starts a run in a workspace whose
 * async submissions are stored there, pushes a batch to an async container, then waits to be killed. Arguments:
 * workspace folder, container URL, run id, job count, concurrency.
 */
public final class AsyncCrashChild {
    private AsyncCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        SqliteWorkspace workspace = SqliteWorkspace.open(Path.of(args[0]));
        RunRecorder recorder = workspace.startRun(new RunSpec(args[2], args[1], "", 1, "serial", 100_000));
        RolloutQueue queue = QueueFixture.queue(AsyncCrashResumeTest.asyncClient(args[1], workspace), recorder,
                new RolloutBudget(100_000, 0), args[2], AsyncCrashResumeTest.ASYNC_TIMEOUT,
                ConcurrencyLimits.fixed(Integer.parseInt(args[4])));
        System.out.println("started");
        queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", Integer.parseInt(args[3])));
        System.out.println("finished without being killed");
        Thread.sleep(60_000);
    }
}
