package dev.gepa4j.cli;

import dev.gepa4j.cli.config.DefaultModels;
import dev.gepa4j.cli.config.GepaConfig;
import dev.gepa4j.cli.config.RunSpecJson;
import dev.gepa4j.console.RunConsole;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.BudgetFloor;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.StopHandle;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.EndpointPool;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.evidence.EvidencePacketWriter;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.UnmeasuredExamples;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The composition root: the only place that constructs concrete containers, the workspace, the rollout queue, the
 * proposer and the console, and hands them to {@link GepaLoop}. Steps: (1) start or reach the container(s) and check
 * the contract, (2) read program, task and rows, (3) open the workspace and the console, and start the run with its
 * resolved run spec (or resume it), (4) build the queue over the run's journal and the budget, (5) run the loop with
 * the console and progress bar watching, (6) write the evidence packet, print the summary line and the paths to open,
 * and keep the console serving until Ctrl-C when a person watches a terminal.
 */
final class RunAssembly {
    private final GepaConfig config;
    private final Path baseDir;
    private final RunOptions options;

    /**
     * @param config  the run's configuration
     * @param baseDir the folder relative paths in {@code config} resolve against (the config file's folder)
     */
    RunAssembly(GepaConfig config, Path baseDir, RunOptions options) {
        this.config = config;
        this.baseDir = baseDir;
        this.options = options == null ? new RunOptions() : options;
    }

    int runFresh() throws Exception {
        String runId = config.run().runId() != null ? config.run().runId()
                : "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        return execute(runId, baseDir.resolve(config.run().workspace()).normalize(), false);
    }

    /** Continues {@code runId} from the run spec it stored when it started. */
    static int resume(String runId, Path workspaceDir, RunOptions options) throws Exception {
        RunInfo info;
        try (SqliteWorkspace ws = RunsCommand.openExisting(workspaceDir)) {
            info = ws.reader().run(runId).orElseThrow(() -> new UserFacingException("no run '" + runId + "' in "
                    + workspaceDir + "; runs there: " + ws.reader().runs().stream().map(RunInfo::runId).toList()));
        }
        RunSpecJson.Stored spec = StoredRunSpec.of(info, workspaceDir.toAbsolutePath());
        return new RunAssembly(spec.config(), spec.baseDir(), options)
                .execute(runId, workspaceDir.toAbsolutePath(), true);
    }

    private int execute(String runId, Path workspaceDir, boolean resume) throws Exception {
        Instant started = Instant.now();
        List<AutoCloseable> closers = new ArrayList<>();
        try {
            // (1) the container(s)
            List<String> urls = new ArrayList<>(config.container().endpoints());
            if (config.container().builtin() != null) {
                System.err.println("starting the built-in " + config.container().builtin()
                        + " container (loading its data)...");
                ContainerServer server = BuiltinContainers.start(config.container().builtin(), ServerOptions.defaults());
                closers.add(server);
                urls.add(0, server.url());
            }
            if (urls.isEmpty()) {
                throw new UserFacingException("[container] needs url = \"http://127.0.0.1:PORT\", urls = [...] or "
                        + "builtin = \"banking77\"");
            }
            List<TaskContainer> containers = Containers.connect(urls, config.container());
            containers.forEach(closers::add);
            TaskContainer primary = containers.getFirst();
            // (2) what the task is
            var program = primary.program();
            var taskInfo = primary.taskInfo();
            DatasetRoles roles = DatasetRoles.read(primary, config.dataset(), config.container());
            List<DatasetRow> train = roles.train();
            List<DatasetRow> heldout = roles.heldout();
            LoopConfig loopConfig = LoopSettings.config(config);
            // Refuse a budget that cannot even score the seed before a run is registered for it.
            int frontierRows = roles.pareto().isEmpty() ? train.size() : roles.pareto().size();
            try {
                BudgetFloor.require(config.gepa().maxRollouts(), loopConfig, frontierRows, heldout.size());
            } catch (IllegalArgumentException tooSmall) {
                throw new UserFacingException("[gepa] max_rollouts: " + tooSmall.getMessage()
                        + " (lower heldout_top_k or [dataset] heldout_size)");
            }
            // (3) the workspace and the console (started before the run is registered: a port in use loses nothing),
            // then the run
            Secrets secrets = KnownSecrets.forRun(config);
            SqliteWorkspace workspace = SqliteWorkspace.open(workspaceDir, secrets);
            closers.add(workspace);
            RunConsole console = null;
            if (!options.noConsole) {
                console = RunConsole.start(workspace.reader(), RunConsole.DEFAULT_HOST, options.consolePort);
                closers.add(console);
                System.err.println("run console: " + console.url());
            }
            PolicySpec policy = policySpec();
            RunRecorder recorder = resume ? workspace.resumeRun(runId) : workspace.startRun(new RunSpec(runId,
                    taskInfo.taskId().isEmpty() ? urls.getFirst() : taskInfo.taskId(),
                    RunSpecJson.write(config, new RunSpecJson.Choices(runId, workspaceDir,
                            DatasetRoles.seeds(train), DatasetRoles.seeds(heldout), DatasetRoles.seeds(roles.pareto()),
                            DatasetRoles.seeds(roles.test()),
                            policy.provider(), policy.model(), loopConfig.lanes()), baseDir),
                    config.run().seed(), config.run().mode(), config.gepa().maxRollouts()));
            // (4) the rollout queue
            RolloutBudget budget = new RolloutBudget(config.gepa().maxRollouts(), recorder.usedInRun(),
                    config.gepa().maxContainerCalls() == null ? RolloutBudget.NO_CALL_CAP
                            : config.gepa().maxContainerCalls(), recorder.containerCallsInRun());
            RolloutQueue queue = queue(containers, recorder, budget, runId, config.run().seed() ^ 0x5DEECE66DL);
            // The test split runs after the loop on a budget of its own: the seed and the pick on every test row.
            RolloutQueue testQueue = queue(containers, recorder, new RolloutBudget(2L * roles.test().size(), 0),
                    runId, config.run().seed() ^ 0x7E57L);
            Proposer proposer = Proposers.create(config.proposer(), baseDir, workspaceDir, runId, secrets);
            if (options.proposerDelayMs > 0) {
                proposer = new DelayedProposer(proposer, Duration.ofMillis(options.proposerDelayMs));
            }
            // (5) the loop, watched by the console and the progress bar
            System.err.println((resume ? "resuming run " : "run ") + runId + ": " + train.size() + " train / "
                    + (roles.pareto().isEmpty() ? "" : roles.pareto().size() + " pareto / ")
                    + heldout.size() + " heldout" + (roles.test().isEmpty() ? "" : " / " + roles.test().size()
                    + " test (run after the loop, on a budget of its own)") + " examples, budget " + budget.limit() + " rollouts ("
                    + budget.committed() + " spent), " + modeText(config.run().mode(), loopConfig) + ", workspace "
                    + workspaceDir);
            StopHandle stop = new StopHandle();
            // Counted down once the summary line and the paths are printed: a signal's shutdown waits for them, so a
            // stopped run still says on stdout that it stopped and how to resume.
            CountDownLatch finished = new CountDownLatch(1);
            AtomicBoolean signalled = new AtomicBoolean();
            Thread hook = new Thread(() -> {
                signalled.set(true);
                stop.request("interrupted (SIGINT/SIGTERM): resume with ./gepa resume " + runId + " --workspace "
                        + workspaceDir);
                try {
                    finished.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException ignored) {
                    Thread.currentThread().interrupt();
                }
            }, "gepa-clean-stop");
            Runtime.getRuntime().addShutdownHook(hook);
            try {
                LoopResult result;
                try (BudgetProgress progress = new BudgetProgress(budget, () -> progressStatus(queue),
                        !options.quiet)) {
                    LoopParts parts = LoopParts.builder().program(program).taskInfo(taskInfo).train(train)
                            .heldout(heldout).pareto(roles.pareto()).test(roles.test(), testQueue)
                            .runner(queue).recorder(recorder).proposer(proposer)
                            .random(new SplittableRandom(config.run().seed()))
                            .policies(LoopSettings.policies(config.gepa(), workspaceDir))
                            .stopHandle(stop)
                            .build();
                    result = new GepaLoop(loopConfig, parts).run();
                }
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException shuttingDown) {
                    // the JVM is already stopping; the hook is waiting for us and that is fine
                }
                // (6) evidence and the summary line; a stopped run's line names its stop reason and the resume command
                Path packet = writeEvidence(workspace, recorder, runId, workspaceDir);
                System.out.println(KnownSecrets.scrub(SummaryLine.of(result, RunMetrics.summarize(workspace.reader(),
                        runId), UnmeasuredExamples.of(workspace.reader(), runId),
                        Duration.between(started, Instant.now()), packet, !roles.test().isEmpty())));
                // closed last, once the console and the workspace are: lets a Ctrl-C shutdown finish; after a signal
                // the JVM is already going down, so the console is not kept
                closers.addFirst(RunEnding.end(System.out, packet, workspaceDir,
                        console == null ? null : console.url(), RunEnding.interactive() && !signalled.get(),
                        CtrlC.ignored()));
            } finally {
                finished.countDown();
            }
            return 0;
        } finally {
            Containers.closeAll(closers);
        }
    }

    /** A rollout queue over the run's containers and journal, with the [rollout] settings and its own budget. */
    private RolloutQueue queue(List<TaskContainer> containers, RunRecorder recorder, RolloutBudget budget,
                               String runId, long jitterSeed) {
        return new RolloutQueue(EndpointPool.of(containers), recorder, budget,
                CacheMode.parse(config.rollout().cache()), policySpec(), runId,
                Duration.ofSeconds(config.container().timeoutSeconds()),
                RetryPolicy.defaults().withMaxAttempts(config.rollout().retries() + 1),
                config.rollout().adaptive()
                        ? new ConcurrencyLimits(config.rollout().concurrency(), config.rollout().minConcurrency(),
                                config.rollout().maxConcurrency(), 10, 0.75)
                        : ConcurrencyLimits.fixed(config.rollout().concurrency()),
                new SplittableRandom(jitterSeed),
                Duration.ofSeconds(config.rollout().reconnectSeconds()), config.rollout().resendFailed());
    }

    /** Writes the evidence packet; when that fails, marks the run failed (its loop ended, the run did not). */
    private Path writeEvidence(SqliteWorkspace workspace, RunRecorder recorder, String runId, Path workspaceDir) {
        try {
            return EvidencePacketWriter.write(workspace.reader(), runId,
                    options.evidenceDir != null ? options.evidenceDir : workspaceDir);
        } catch (RuntimeException e) {
            recorder.finish(RunStatus.FAILED, "the evidence packet could not be written: " + e.getMessage());
            throw e;
        }
    }

    private static String progressStatus(RolloutQueue queue) {
        var c = queue.counters();
        return "cached " + c.cached() + ", retried " + c.retried() + ", errors " + c.errors() + ", container calls "
                + c.containerCalls() + ", concurrency " + c.concurrency();
    }

    private PolicySpec policySpec() {
        var p = config.policy();
        boolean builtin = config.container().builtin() != null;
        String provider = p.provider() != null ? p.provider() : builtin ? "embedded" : "openai";
        String model = p.model() != null ? p.model()
                : provider.equals("embedded") ? DefaultModels.EMBEDDED_POLICY : DefaultModels.OPENAI_POLICY;
        return new PolicySpec(provider, model, p.baseUrl(), p.maxTokens(), java.util.Map.of());
    }

    /** "serial mode", or "overlapped mode, N lanes" with the lanes this run's proposer gets. */
    private static String modeText(String mode, LoopConfig loop) {
        return loop.mode() == Mode.OVERLAPPED ? mode + " mode, " + loop.lanes() + " lanes" : mode + " mode";
    }
}
