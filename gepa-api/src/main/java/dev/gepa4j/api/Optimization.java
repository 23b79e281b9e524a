package dev.gepa4j.api;

import dev.gepa4j.api.engine.FinishedRun;
import dev.gepa4j.api.engine.ProgressDisplay;
import dev.gepa4j.api.engine.RolloutSettings;
import dev.gepa4j.api.engine.RunEngine;
import dev.gepa4j.api.engine.RunPlan;
import dev.gepa4j.api.engine.RunTask;
import dev.gepa4j.api.engine.RunWatch;
import dev.gepa4j.core.engine.BudgetFloor;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopDefaults;
import dev.gepa4j.core.engine.LoopPolicies;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.strategy.StopCondition;
import dev.gepa4j.core.strategy.StopFile;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.guard.GuardedProposer;
import dev.gepa4j.sdk.InProcessContainer;
import dev.gepa4j.sdk.TaskHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * GEPA as a library call: optimizes the text fields of a program in this JVM, on the same engine the {@code gepa}
 * command runs (rollout queue and cache, sqlite workspace, proposers, evidence packet, run console), with no HTTP
 * container in between.
 *
 * <p>A task is either a plain function ({@link #of(Task)}: candidate texts and one example in, score and feedback
 * out) or a container SDK {@link TaskHandler} ({@link #of(TaskHandler)}, the same class you would serve over HTTP).
 * Rows are given per role: train (what the proposer learns from), heldout (picks the winner, never shown to the
 * proposer), optionally pareto (the frontier's own rows) and test (reported after the loop, on a budget of its own,
 * as a paired lift with an interval).
 *
 * <pre>{@code
 * record Ticket(String text, String team) { }
 *
 * Task<Ticket> task = (candidate, ticket) -> {
 *     String answer = myRouter(candidate.get("instructions"), ticket.text());   // your program
 *     boolean right = answer.equals(ticket.team());
 *     return Evaluation.of(right ? 1 : 0, right ? "" : "expected " + ticket.team() + ", got " + answer)
 *             .withOutput(answer);
 * };
 * OptimizationResult result = Optimization.of(task)
 *         .seedCandidate(Map.of("instructions", "Route the ticket to billing, tech or account."))
 *         .describeExamples(Ticket::text)
 *         .train(trainTickets)
 *         .heldout(heldoutTickets)
 *         .test(testTickets)                                  // optional: an unbiased lift
 *         .proposer(LlmProposers.openAiCompatible("gpt-4.1-mini", null, "OPENAI_API_KEY"))
 *         .budget(400)
 *         .workspace(Path.of("gepa-work"))
 *         .build()
 *         .run();                                             // or runAsync()
 * System.out.println(result.bestText("instructions") + "  lift " + result.heldoutLift());
 * }</pre>
 *
 * <p>Crash safety and resume are the workspace's: every rollout is committed before it counts. Build the same
 * optimization again with {@link Builder#resume(String)} and the run continues where it stopped, answering what it
 * already did from its journal; a serial run then ends exactly as an uninterrupted one. The defaults are the
 * {@code gepa} command's: overlapped mode, minibatch 5, merges on, heldout top-3, the rollout settings of
 * {@code [rollout]}, a {@code STOP} file in the workspace as a stop condition. An {@code Optimization} runs once.
 */
public final class Optimization {
    private final Builder<?> b;
    private final TaskHandler handler;
    private boolean started;

    private Optimization(Builder<?> b, TaskHandler handler) {
        this.b = b;
        this.handler = handler;
    }

    /** An optimization of a task written as a function over examples of type {@code T}. */
    public static <T> Builder<T> of(Task<T> task) {
        return new Builder<>(Objects.requireNonNull(task, "task"), null);
    }

    /**
     * An optimization of a container SDK task handler run in-process. The examples are the handler's seeds: train
     * seeds are read from its split {@code train}, heldout and test seeds from {@code test}, pareto seeds from
     * {@code train} (as the {@code gepa} command reads a container), unless {@link Builder#containerSplits} says
     * otherwise.
     */
    public static Builder<Long> of(TaskHandler handler) {
        return new Builder<>(null, Objects.requireNonNull(handler, "handler"));
    }

    /**
     * Runs the optimization to its end and returns the result, blocking the calling thread.
     *
     * @throws IllegalStateException        when this optimization already ran
     * @throws IllegalArgumentException     when the rows or the budget cannot make a run (the message says which)
     * @throws dev.gepa4j.core.error.GepaException when the run could not go on (its message says why)
     */
    public OptimizationResult run() throws InterruptedException {
        synchronized (this) {
            if (started) {
                throw new IllegalStateException("this optimization already ran: build a new one (with resume(RUN_ID) "
                        + "to continue a stopped run)");
            }
            started = true;
        }
        String runId = b.runId != null ? b.runId
                : "run-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS"));
        Path workspaceDir = b.workspace.toAbsolutePath().normalize();
        try (InProcessContainer container = new InProcessContainer(handler, "in-process:" + b.name,
                b.containerSplits)) {
            ProgramSpec program = container.program();
            Map<Split, List<DatasetRow>> rows = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                rows.put(s, container.rows(s, b.seedsOf(s)));
            }
            LoopConfig loop = b.loopConfig(program);
            int frontierRows = rows.get(Split.PARETO).isEmpty() ? rows.get(Split.TRAIN).size()
                    : rows.get(Split.PARETO).size();
            try {
                BudgetFloor.require(b.maxRollouts, loop, frontierRows, rows.get(Split.HELDOUT).size());
            } catch (IllegalArgumentException tooSmall) {
                throw new IllegalArgumentException("budget(" + b.maxRollouts + "): " + tooSmall.getMessage()
                        + " (raise the budget, or give fewer heldout rows)", tooSmall);
            }
            RunPlan plan = new RunPlan(runId, workspaceDir, b.resumeRunId != null, new RunTask(b.name,
                    List.of(container), program, container.taskInfo(), rows.get(Split.TRAIN),
                    rows.get(Split.PARETO), rows.get(Split.HELDOUT), rows.get(Split.TEST)), b.maxRollouts,
                    b.maxContainerCalls, b.seed, loop, b.policies(workspaceDir), b.policy, b.rolloutSettings(),
                    new GuardedProposer(b.proposer, GuardedProposer.DEFAULT_MAX_FIELD_BYTES, b.secrets), b.secrets,
                    "");
            RunWatch watch = new RunWatch(b.console, b.consolePort, b.evidenceDir,
                    b.progress == null ? ProgressDisplay.NONE : new ListenerProgress(b.progress), b.stopOnSignal,
                    "resume by building the same optimization with resume(\"" + runId + "\") and workspace "
                            + workspaceDir, b.log ? System.err : null);
            try (FinishedRun finished = RunEngine.run(plan, watch)) {
                return result(finished, workspaceDir);
            }
        }
    }

    /** {@link #run()} on a new virtual thread; the future fails with what {@code run()} would throw. */
    public CompletableFuture<OptimizationResult> runAsync() {
        return runAsync(command -> Thread.ofVirtual().name("gepa-optimization").start(command));
    }

    /** {@link #run()} on {@code executor}; the future fails with what {@code run()} would throw. */
    public CompletableFuture<OptimizationResult> runAsync(Executor executor) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CompletionException(e);
            }
        }, executor);
    }

    private static OptimizationResult result(FinishedRun finished, Path workspaceDir) {
        LoopResult r = finished.result();
        Map<String, Map<String, String>> texts = new java.util.HashMap<>();
        for (var c : finished.reader().candidates(r.runId())) {
            texts.put(c.candidate().id(), c.candidate().components());
        }
        long used = RunMetrics.summarize(finished.reader(), r.runId()).rollouts().used();
        return new OptimizationResult(r.runId(), r.bestCandidateId(), texts.get(r.bestCandidateId()),
                texts.get(r.seedCandidateId()), r.seedTrainMean(), r.bestTrainMean(), r.seedHeldoutMean(),
                r.bestHeldoutMean(), r.test(), r.stopReason(), used, finished.packetDir(), workspaceDir, r);
    }

    /**
     * Settings of one optimization; every setting but the task, the rows, the proposer, the budget and the workspace
     * has the {@code gepa} command's default.
     *
     * @param <T> the type of the examples: the task's own, or seeds ({@code Long}) of a task handler
     */
    public static final class Builder<T> {
        private final Task<T> task;
        private final TaskHandler handler;
        private String name = "in-process-task";
        private String description = "";
        private Map<String, String> seedCandidate;
        private Function<? super T, String> describe = String::valueOf;
        private final Map<Split, List<T>> examples = new EnumMap<>(Split.class);
        private Map<Split, String> containerSplits;
        private Proposer proposer;
        private long maxRollouts = -1;
        private long maxContainerCalls = RolloutBudget.NO_CALL_CAP;
        private long seed;
        private Mode mode = LoopDefaults.MODE;
        private UnaryOperator<LoopConfig.Builder> loopTuning = UnaryOperator.identity();
        private UnaryOperator<LoopPolicies.Builder> policyTuning = UnaryOperator.identity();
        private final List<StopCondition> stops = new ArrayList<>();
        private PolicySpec policy = PolicySpec.of("in-process", "in-process");
        private int concurrency = 16;
        private Duration rolloutTimeout = Duration.ofSeconds(60);
        private int retries = dev.gepa4j.core.rollout.RetryPolicy.defaults().maxAttempts() - 1;
        private CacheMode cache = CacheMode.READWRITE;
        private Path workspace;
        private String runId;
        private String resumeRunId;
        private boolean console;
        private int consolePort;
        private Path evidenceDir;
        private ProgressListener progress;
        private boolean stopOnSignal;
        private boolean log = true;
        private Secrets secrets = Secrets.fromEnvironment(System.getenv(), List.of());

        private Builder(Task<T> task, TaskHandler handler) {
            this.task = task;
            this.handler = handler;
            this.containerSplits = handler == null ? labels()
                    : new EnumMap<>(Map.of(Split.TRAIN, "train", Split.PARETO, "train", Split.HELDOUT, "test",
                            Split.TEST, "test"));
        }

        /** The task's name in the workspace, the report and the console (default {@code in-process-task}). */
        public Builder<T> name(String taskName) {
            this.name = requireText(taskName, "name");
            return this;
        }

        /** What the task is, in words: the proposer reads it (default none). */
        public Builder<T> description(String text) {
            this.description = Objects.requireNonNull(text, "description");
            return this;
        }

        /**
         * The fields to optimize and their starting texts. Required for a function task; for a task handler it
         * replaces the handler's own seed candidate.
         */
        public Builder<T> seedCandidate(Map<String, String> fieldTexts) {
            if (fieldTexts.isEmpty()) {
                throw new IllegalArgumentException("seedCandidate: give at least one field and its starting text");
            }
            this.seedCandidate = Map.copyOf(fieldTexts);
            return this;
        }

        /**
         * How an example is shown to the proposer and in the console (default {@code String.valueOf}). Function
         * tasks only.
         */
        public Builder<T> describeExamples(Function<? super T, String> describer) {
            this.describe = Objects.requireNonNull(describer, "describer");
            return this;
        }

        /** The rows the proposer learns from and the gate compares on (required). */
        public Builder<T> train(List<T> rows) {
            return rows(Split.TRAIN, rows);
        }

        /** The rows that pick the winner; never shown to the proposer (required). */
        public Builder<T> heldout(List<T> rows) {
            return rows(Split.HELDOUT, rows);
        }

        /** Rows of the frontier's own, instead of train (optional). */
        public Builder<T> pareto(List<T> rows) {
            return rows(Split.PARETO, rows);
        }

        /** Rows the seed and the pick run on after the loop, on a budget of their own, for an unbiased lift. */
        public Builder<T> test(List<T> rows) {
            return rows(Split.TEST, rows);
        }

        /** For a task handler: the handler's split name of every role (default: train, train, test, test). */
        public Builder<T> containerSplits(Map<Split, String> splitNames) {
            if (handler == null) {
                throw new IllegalStateException("containerSplits is for task handlers; a function task has no splits");
            }
            Map<Split, String> m = new EnumMap<>(containerSplits);
            m.putAll(splitNames);
            this.containerSplits = m;
            return this;
        }

        /** Who rewrites the texts (required): see {@link LlmProposers}, or any {@link Proposer}. */
        public Builder<T> proposer(Proposer p) {
            this.proposer = Objects.requireNonNull(p, "proposer");
            return this;
        }

        /** The rollout budget, heldout included (required); the test rows have a budget of their own. */
        public Builder<T> budget(long rollouts) {
            if (rollouts < 1) {
                throw new IllegalArgumentException("budget must be at least 1 rollout, was " + rollouts);
            }
            this.maxRollouts = rollouts;
            return this;
        }

        /** A cap on task calls (every attempt), apart from the rollout budget (default none). */
        public Builder<T> maxTaskCalls(long calls) {
            this.maxContainerCalls = calls;
            return this;
        }

        /** The seed of every random choice (default 0). In serial mode, the same seed gives the same run. */
        public Builder<T> seed(long randomSeed) {
            this.seed = randomSeed;
            return this;
        }

        /** Serial (reproducible) or overlapped (faster; the default). */
        public Builder<T> mode(Mode m) {
            this.mode = Objects.requireNonNull(m, "mode");
            return this;
        }

        /** Adjusts the loop's settings (minibatch size, lanes, staleness, merges, heldout top-k). */
        public Builder<T> loop(UnaryOperator<LoopConfig.Builder> tuning) {
            this.loopTuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        /** Replaces loop policies (parent, minibatch, field and acceptance policies). */
        public Builder<T> policies(UnaryOperator<LoopPolicies.Builder> tuning) {
            this.policyTuning = Objects.requireNonNull(tuning, "tuning");
            return this;
        }

        /** Another stop condition (a wall-time limit, a score threshold, ...), besides the budget and a STOP file. */
        public Builder<T> stopWhen(StopCondition condition) {
            this.stops.add(Objects.requireNonNull(condition, "condition"));
            return this;
        }

        /**
         * Names the model the task's program runs under (default {@code in-process/in-process}). It is part of every
         * rollout's cache key: change it when the model changes, so an earlier model's results are not reused.
         */
        public Builder<T> policy(PolicySpec modelOfTheProgram) {
            this.policy = Objects.requireNonNull(modelOfTheProgram, "policy");
            return this;
        }

        /** Rollouts at once (default 16). */
        public Builder<T> concurrency(int rolloutsAtOnce) {
            if (rolloutsAtOnce < 1) {
                throw new IllegalArgumentException("concurrency must be at least 1, was " + rolloutsAtOnce);
            }
            this.concurrency = rolloutsAtOnce;
            return this;
        }

        /** How long one rollout may take (default 60 s). */
        public Builder<T> rolloutTimeout(Duration timeout) {
            this.rolloutTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /** Reuse of earlier runs' rollouts in the workspace (default {@link CacheMode#READWRITE}). */
        public Builder<T> cache(CacheMode mode) {
            this.cache = Objects.requireNonNull(mode, "cache");
            return this;
        }

        /** The workspace folder (required): one sqlite file holding every run, and the evidence packets. */
        public Builder<T> workspace(Path folder) {
            this.workspace = Objects.requireNonNull(folder, "workspace");
            return this;
        }

        /** The run's id (default {@code run-<date-time>}). */
        public Builder<T> runId(String id) {
            this.runId = requireText(id, "runId");
            return this;
        }

        /**
         * Continues the stopped or crashed run {@code id} of the workspace instead of starting one. Build it as the
         * run was built (same task, rows, seed, settings): what the run already did is answered from its journal.
         */
        public Builder<T> resume(String id) {
            this.resumeRunId = requireText(id, "resume");
            this.runId = id;
            return this;
        }

        /** Serves the run console on 127.0.0.1 while the run runs (default off); port 0 picks a free one. */
        public Builder<T> console(boolean on, int port) {
            this.console = on;
            this.consolePort = port;
            return this;
        }

        /** Where the evidence packet goes (default: the workspace folder). */
        public Builder<T> evidenceDir(Path folder) {
            this.evidenceDir = folder;
            return this;
        }

        /** Told of the budget spent at every tenth (default none); {@link ProgressListener#STDERR} prints it. */
        public Builder<T> progress(ProgressListener listener) {
            this.progress = listener;
            return this;
        }

        /**
         * Whether SIGINT/SIGTERM stop the run cleanly, marked stopped and resumable (default off: a library does not
         * take over the process's signals; a killed run still resumes, as after a crash).
         */
        public Builder<T> stopOnSignal(boolean on) {
            this.stopOnSignal = on;
            return this;
        }

        /** Whether the run's status lines (its sizes, the console URL) go to standard error (default on). */
        public Builder<T> log(boolean on) {
            this.log = on;
            return this;
        }

        /** Values scrubbed from everything stored (default: the API keys in this process's environment). */
        public Builder<T> secrets(Secrets known) {
            this.secrets = Objects.requireNonNull(known, "secrets");
            return this;
        }

        /**
         * Checks the settings and makes the optimization.
         *
         * @throws IllegalStateException naming the first required setting that is missing
         */
        public Optimization build() {
            require(proposer != null, "proposer(...) is required: who rewrites the texts (see LlmProposers)");
            require(maxRollouts > 0, "budget(...) is required: the most rollouts the run may use");
            require(workspace != null, "workspace(...) is required: the folder that keeps the run (sqlite, evidence)");
            require(!examples.getOrDefault(Split.TRAIN, List.of()).isEmpty(), "train(...) is required: the rows the "
                    + "proposer learns from (at least one)");
            require(!examples.getOrDefault(Split.HELDOUT, List.of()).isEmpty(), "heldout(...) is required: the rows "
                    + "that pick the winner (at least one, none shared with train)");
            TaskHandler h = handler;
            if (h == null) {
                require(seedCandidate != null, "seedCandidate(...) is required for a function task: the fields to "
                        + "optimize and their starting texts");
                h = new FunctionTaskHandler<>(name, description, seedCandidate, task, describe, examples);
            }
            return new Optimization(this, h);
        }

        private Builder<T> rows(Split role, List<T> rows) {
            this.examples.put(role, List.copyOf(rows));
            return this;
        }

        /** The container seeds of a role: a function task's row indexes, or the handler seeds given. */
        private List<Long> seedsOf(Split role) {
            List<T> rows = examples.getOrDefault(role, List.of());
            if (handler != null) {
                return rows.stream().map(r -> (Long) r).toList();
            }
            return java.util.stream.LongStream.range(0, rows.size()).boxed().toList();
        }

        private LoopConfig loopConfig(ProgramSpec program) {
            LoopConfig.Builder lb = LoopConfig.builder().mode(mode).lanes(LoopDefaults.lanesFor(proposer.kind()));
            if (handler != null && seedCandidate != null) {
                lb.seedCandidate(seedCandidate);
            }
            return loopTuning.apply(lb).build();
        }

        private LoopPolicies policies(Path workspaceDir) {
            List<StopCondition> all = new ArrayList<>(stops);
            all.addFirst(new StopFile(workspaceDir.resolve("STOP")));
            return policyTuning.apply(LoopPolicies.builder()).stop(StopCondition.anyOf(all)).build();
        }

        private RolloutSettings rolloutSettings() {
            return new RolloutSettings(cache, rolloutTimeout, retries,
                    new ConcurrencyLimits(concurrency, 1, Math.max(64, concurrency), 10, 0.75),
                    Duration.ofSeconds(30), 1);
        }

        private static Map<Split, String> labels() {
            Map<Split, String> m = new EnumMap<>(Split.class);
            for (Split s : Split.values()) {
                m.put(s, s.label());
            }
            return m;
        }

        private static void require(boolean ok, String what) {
            if (!ok) {
                throw new IllegalStateException(what);
            }
        }

        private static String requireText(String value, String what) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(what + " must not be blank");
            }
            return value;
        }
    }
}
