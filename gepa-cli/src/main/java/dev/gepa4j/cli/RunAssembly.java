package dev.gepa4j.cli;

import dev.gepa4j.cli.config.DefaultModels;
import dev.gepa4j.cli.config.GepaConfig;
import dev.gepa4j.api.engine.FinishedRun;
import dev.gepa4j.api.engine.RolloutSettings;
import dev.gepa4j.api.engine.RunEngine;
import dev.gepa4j.api.engine.RunPlan;
import dev.gepa4j.api.engine.RunTask;
import dev.gepa4j.api.engine.RunWatch;
import dev.gepa4j.cli.config.RunSpecJson;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.BudgetFloor;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.UnmeasuredExamples;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI's composition root: turns a config into a {@link RunPlan} and hands it to {@link RunEngine} (the engine the
 * library API runs too). Steps: (1) start or reach the container(s) and check the contract, (2) read program, task
 * and rows, (3)-(5) build the proposer and the resolved run spec, and let the engine open the workspace and the
 * console, start (or resume) the run, build the queue and run the loop with the progress bar watching and write the
 * evidence packet, (6) print the summary line and the paths to open, and keep the console serving until Ctrl-C when
 * a person watches a terminal.
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
        return execute(runId, WorkspaceLocation.of(config.run().workspace(), baseDir, options.evidenceDir), false);
    }

    /** Continues {@code runId} from the run spec it stored when it started. */
    static int resume(String runId, String workspace, RunOptions options) throws Exception {
        RunOptions opts = options == null ? new RunOptions() : options;
        WorkspaceLocation location = WorkspaceLocation.of(workspace, Path.of(""), opts.evidenceDir);
        RunInfo info;
        try (Workspace ws = RunsCommand.openExisting(location.address())) {
            info = ws.reader().run(runId).orElseThrow(() -> new UserFacingException("no run '" + runId + "' in "
                    + location + "; runs there: " + ws.reader().runs().stream().map(RunInfo::runId).toList()));
        }
        RunSpecJson.Stored spec = StoredRunSpec.of(info, location.localDir());
        return new RunAssembly(spec.config(), spec.baseDir(), opts).execute(runId, location, true);
    }

    private int execute(String runId, WorkspaceLocation location, boolean resume) throws Exception {
        Path workspaceDir = location.localDir(); // the folder for local files: the workspace's own, or the evidence dir
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
                throw new UserFacingException(options.budgetSetting + ": " + tooSmall.getMessage()
                        + options.budgetAdvice);
            }
            // (3)-(5) the workspace, the console, the run, its queues and the loop: the engine the library runs too
            Secrets secrets = KnownSecrets.forRun(config);
            PolicySpec policy = policySpec();
            Proposer proposer = Proposers.create(config.proposer(), baseDir, workspaceDir, runId, secrets);
            if (options.proposerDelayMs > 0) {
                proposer = new DelayedProposer(proposer, Duration.ofMillis(options.proposerDelayMs));
            }
            String specJson = resume ? "" : RunSpecJson.write(config, new RunSpecJson.Choices(runId, location.shown(),
                    DatasetRoles.seeds(train), DatasetRoles.seeds(heldout), DatasetRoles.seeds(roles.pareto()),
                    DatasetRoles.seeds(roles.test()), policy.provider(), policy.model(), loopConfig.lanes()), baseDir);
            RunPlan plan = new RunPlan(runId, workspaceDir, resume, new RunTask(
                    taskInfo.taskId().isEmpty() ? urls.getFirst() : taskInfo.taskId(), containers, program, taskInfo,
                    train, roles.pareto(), heldout, roles.test()), config.gepa().maxRollouts(),
                    config.gepa().maxContainerCalls() == null ? RolloutBudget.NO_CALL_CAP
                            : config.gepa().maxContainerCalls(), config.run().seed(), loopConfig,
                    LoopSettings.policies(config.gepa(), workspaceDir), policy, rolloutSettings(containers), proposer,
                    secrets, specJson, location.address());
            RunWatch watch = new RunWatch(!options.noConsole, options.consolePort, options.evidenceDir,
                    (budget, status) -> new BudgetProgress(budget, status, !options.quiet)::close, true,
                    "resume with ./gepa resume " + runId + " --workspace " + location, System.err);
            try (FinishedRun run = RunEngine.run(plan, watch)) {
                // (6) the summary line; a stopped run's line names its stop reason and the resume command
                LoopResult result = run.result();
                System.out.println(KnownSecrets.scrub(SummaryLine.of(result, RunMetrics.summarize(run.reader(),
                        runId), UnmeasuredExamples.of(run.reader(), runId),
                        Duration.between(started, Instant.now()), run.packetDir(), !roles.test().isEmpty())));
                // closed last, once the console and the workspace are: lets a Ctrl-C shutdown finish; after a signal
                // the JVM is already going down, so the console is not kept
                closers.addFirst(RunEnding.end(System.out, run.packetDir(), location.shown(), run.consoleUrl(),
                        RunEnding.interactive() && !run.signalled(), CtrlC.ignored()));
            }
            return 0;
        } finally {
            Containers.closeAll(closers);
        }
    }

    /** The [rollout] settings and the per-rollout timeout (longer for async containers), as the engine takes them. */
    private RolloutSettings rolloutSettings(List<TaskContainer> containers) {
        return new RolloutSettings(CacheMode.parse(config.rollout().cache()),
                Containers.rolloutTimeout(containers, config.container()), config.rollout().retries(),
                config.rollout().adaptive()
                        ? new ConcurrencyLimits(config.rollout().concurrency(), config.rollout().minConcurrency(),
                                config.rollout().maxConcurrency(), 10, 0.75)
                        : ConcurrencyLimits.fixed(config.rollout().concurrency()),
                Duration.ofSeconds(config.rollout().reconnectSeconds()), config.rollout().resendFailed());
    }

    private PolicySpec policySpec() {
        var p = config.policy();
        boolean builtin = config.container().builtin() != null;
        String provider = p.provider() != null ? p.provider() : builtin ? "embedded" : "openai";
        String model = p.model() != null ? p.model()
                : provider.equals("embedded") ? DefaultModels.EMBEDDED_POLICY : DefaultModels.OPENAI_POLICY;
        return new PolicySpec(provider, model, p.baseUrl(), p.maxTokens(), java.util.Map.of());
    }
}
