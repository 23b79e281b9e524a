package dev.gepa4j.api.engine;

import dev.gepa4j.console.RunConsole;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.StopHandle;
import dev.gepa4j.core.rollout.EndpointPool;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.runtime.container.SubmittedRollouts;
import dev.gepa4j.runtime.evidence.EvidencePacketWriter;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs one planned run on the engine: the part of a run that is the same whether the CLI or the library API
 * starts it. Steps: (1) open the workspace and, when asked, the console (before the run is registered, so a port in
 * use loses nothing), (2) start the run with its spec, or resume it, (3) build the rollout queue over the run's
 * journal and budget, and a second queue with a budget of its own for the test split, (4) run {@link GepaLoop}
 * watched by the progress display and, when asked, a clean stop on SIGINT/SIGTERM, (5) write the evidence packet
 * (a run whose packet cannot be written is marked failed).
 *
 * <p>Crash safety is the workspace's: every rollout and proposal is committed before it counts, so a run that
 * crashes resumes ({@link RunPlan#resume()}) where it stopped; a serial run then ends as an uninterrupted one would.
 */
public final class RunEngine {
    private RunEngine() {
    }

    /**
     * Runs the plan to its end. The containers stay the caller's: they are neither preflighted nor closed here.
     *
     * @return the finished run, its workspace and console still open: close it
     * @throws dev.gepa4j.core.engine.LoopFailedException when the loop could not go on (its message says why)
     */
    public static FinishedRun run(RunPlan plan, RunWatch watch) throws InterruptedException {
        Instant started = Instant.now();
        List<AutoCloseable> resources = new ArrayList<>();
        CountDownLatch finished = new CountDownLatch(1);
        boolean handedOver = false;
        try {
            // (1) the workspace and the console
            Workspace workspace = Workspaces.open(plan.workspace(), plan.secrets());
            resources.add(workspace);
            rememberAsyncSubmissions(plan.task().containers(), Workspaces.asyncSubmissions(workspace));
            RunConsole console = null;
            if (watch.console()) {
                console = RunConsole.start(workspace.reader(), RunConsole.DEFAULT_HOST, watch.consolePort());
                resources.add(console);
                watch.say("run console: " + console.url());
            }
            // (2) the run
            RunTask task = plan.task();
            RunRecorder recorder = plan.resume() ? workspace.resumeRun(plan.runId())
                    : workspace.startRun(new RunSpec(plan.runId(), task.name(), plan.specJson(), plan.seed(),
                            plan.loop().mode().label(), plan.maxRollouts()));
            // (3) the rollout queues
            // (a resumed run's test rollouts so far are not the optimization's: they have their own budget below)
            RolloutBudget budget = ResumedSpending.of(recorder, workspace.reader(), plan.runId())
                    .budget(plan.maxRollouts(), plan.maxContainerCalls());
            RolloutQueue queue = queue(plan, recorder, budget, plan.seed() ^ 0x5DEECE66DL);
            // The test split runs after the loop on a budget of its own: the seed and the pick on every test row.
            RolloutQueue testQueue = queue(plan, recorder, new RolloutBudget(2L * task.test().size(), 0),
                    plan.seed() ^ 0x7E57L);
            watch.say((plan.resume() ? "resuming run " : "run ") + plan.runId() + ": " + task.train().size()
                    + " train / " + (task.pareto().isEmpty() ? "" : task.pareto().size() + " pareto / ")
                    + task.heldout().size() + " heldout" + (task.test().isEmpty() ? "" : " / " + task.test().size()
                    + " test (run after the loop, on a budget of its own)") + " examples, budget " + budget.limit()
                    + " rollouts (" + budget.committed() + " spent), " + modeText(plan) + ", workspace "
                    + Workspaces.display(plan.workspace()));
            // (4) the loop
            StopHandle stop = new StopHandle();
            AtomicBoolean signalled = new AtomicBoolean();
            Thread hook = watch.stopOnSignal() ? cleanStopHook(watch.resumeHint(), stop, signalled, finished,
                    plan.task().containers()) : null;
            LoopResult result;
            try (ProgressDisplay.Display progress = watch.progress().open(budget, () -> status(queue))) {
                LoopParts parts = LoopParts.builder().program(task.program()).taskInfo(task.taskInfo())
                        .train(task.train()).heldout(task.heldout()).pareto(task.pareto())
                        .test(task.test(), testQueue).runner(queue).recorder(recorder).proposer(plan.proposer())
                        .random(new SplittableRandom(plan.seed())).policies(plan.policies()).stopHandle(stop)
                        .build();
                result = new GepaLoop(plan.loop(), parts).run();
            } finally {
                removeHook(hook);
            }
            // (5) the evidence packet
            Path packet = writeEvidence(workspace, recorder, plan.runId(),
                    watch.evidenceDir() != null ? watch.evidenceDir() : plan.workspaceDir());
            handedOver = true;
            return new FinishedRun(result, packet, workspace.reader(), console == null ? null : console.url(),
                    signalled.get(), started, finished, resources);
        } finally {
            if (!handedOver) {
                finished.countDown();
                closeAll(resources);
            }
        }
    }

    /**
     * Closes {@code resources} in reverse order (last opened, first closed); a failure to close is printed to standard
     * error and the rest are still closed.
     */
    public static void closeAll(List<AutoCloseable> resources) {
        for (int i = resources.size() - 1; i >= 0; i--) {
            try {
                resources.get(i).close();
            } catch (Exception e) {
                System.err.println("gepa: while closing " + resources.get(i).getClass().getSimpleName() + ": " + e);
            }
        }
    }

    /** A rollout queue over the run's containers and journal, with the plan's rollout settings and its own budget. */
    private static RolloutQueue queue(RunPlan plan, RunRecorder recorder, RolloutBudget budget, long jitterSeed) {
        RolloutSettings r = plan.rollout();
        return new RolloutQueue(EndpointPool.of(plan.task().containers()), recorder, budget, r.cache(),
                plan.policy(), plan.runId(), r.timeout(), RetryPolicy.defaults().withMaxAttempts(r.retries() + 1),
                r.concurrency(), new SplittableRandom(jitterSeed), r.reconnectWindow(), r.resendFailed());
    }

    /**
     * The hook that turns SIGINT/SIGTERM into a clean stop, then holds the JVM's shutdown until the caller has said
     * its last words (closed the {@link FinishedRun}), at most 60 s.
     */
    private static Thread cleanStopHook(String resumeHint, StopHandle stop, AtomicBoolean signalled,
                                        CountDownLatch finished, List<TaskContainer> containers) {
        Thread hook = new Thread(() -> {
            signalled.set(true);
            stop.request("interrupted (SIGINT/SIGTERM): " + resumeHint);
            try {
                if (!finished.await(60, TimeUnit.SECONDS)) {
                    // the JVM goes down with rollouts still running: tell async containers to stop them
                    containers.forEach(TaskContainer::close);
                }
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "gepa-clean-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Keeps the ids of submitted async rollouts in the workspace, so a resumed run polls instead of resubmitting. */
    private static void rememberAsyncSubmissions(List<TaskContainer> containers, SubmittedRollouts store) {
        for (TaskContainer c : containers) {
            if (c instanceof HttpTaskContainer h) {
                h.rememberSubmissionsIn(store);
            }
        }
    }

    private static void removeHook(Thread hook) {
        if (hook == null) {
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already stopping; the hook is waiting for the caller and that is fine
        }
    }

    /** Writes the evidence packet; when that fails, marks the run failed (its loop ended, the run did not). */
    private static Path writeEvidence(Workspace workspace, RunRecorder recorder, String runId, Path outDir) {
        try {
            return EvidencePacketWriter.write(workspace.reader(), runId, outDir);
        } catch (RuntimeException e) {
            recorder.finish(RunStatus.FAILED, "the evidence packet could not be written: " + e.getMessage());
            throw e;
        }
    }

    private static String status(RolloutQueue queue) {
        var c = queue.counters();
        return "cached " + c.cached() + ", retried " + c.retried() + ", errors " + c.errors() + ", container calls "
                + c.containerCalls() + ", concurrency " + c.concurrency();
    }

    /** "serial mode", or "overlapped mode, N lanes". */
    private static String modeText(RunPlan plan) {
        Mode mode = plan.loop().mode();
        return mode == Mode.OVERLAPPED ? mode.label() + " mode, " + plan.loop().lanes() + " lanes"
                : mode.label() + " mode";
    }
}
