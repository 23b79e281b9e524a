package dev.gepa4j.runtime.rollout;

import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.workspace.Workspaces;
import java.time.Duration;

/**
 * The process {@link LeaseTakeoverTest} kills: opens a PostgreSQL workspace (password from PGPASSWORD), starts a run
 * and sends a batch to a container so slow that every rollout is still in flight, each holding its cache key's lease,
 * when the test kills it. Arguments: workspace URL, container URL, run id, job count.
 */
public final class LeaseChild {
    private LeaseChild() {
    }

    public static void main(String[] args) throws Exception {
        Workspace workspace = Workspaces.open(args[0], Secrets.fromEnvironment(System.getenv(), java.util.List.of()));
        RunRecorder recorder = workspace.startRun(new RunSpec(args[2], args[1], "", 1, "serial", 100_000));
        int jobs = Integer.parseInt(args[3]);
        RolloutQueue queue = QueueFixture.queue(QueueFixture.http(args[1]), recorder, new RolloutBudget(100_000, 0),
                args[2], Duration.ofMinutes(10), ConcurrencyLimits.fixed(jobs));
        System.out.println("started");
        queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", jobs));
        System.out.println("finished without being killed");
        Thread.sleep(60_000);
    }
}
