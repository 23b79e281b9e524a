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
 * The process {@link CrashResumeTest} kills: starts a run in a workspace and pushes a batch to a container, then
 * waits to be killed. Arguments: workspace folder, container URL, run id, job count, concurrency.
 */
public final class CrashChild {
    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        SqliteWorkspace workspace = SqliteWorkspace.open(Path.of(args[0]));
        RunRecorder recorder = workspace.startRun(new RunSpec(args[2], args[1], "", 1, "serial", 100_000));
        int jobs = Integer.parseInt(args[3]);
        RolloutQueue queue = QueueFixture.queue(QueueFixture.http(args[1]), recorder, new RolloutBudget(100_000, 0),
                args[2], Duration.ofSeconds(10), ConcurrencyLimits.fixed(Integer.parseInt(args[4])));
        System.out.println("started");
        queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", jobs));
        System.out.println("finished without being killed");
        Thread.sleep(60_000);
    }
}
