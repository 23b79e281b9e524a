package dev.gepa4j.bench;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.runtime.workspace.Workspaces;
import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * {@code gepa bench fanout}: N rollouts at concurrency C against a local container with mean latency L, through the
 * real queue, HTTP client, cache and sqlite workspace (in a temporary folder, deleted afterwards), or the
 * PostgreSQL workspace given with {@code --workspace postgresql://...} (its runs are named with a fresh suffix and
 * its prompts carry it too, so an earlier benchmark's rows are never cache hits; they stay in the database). Prints
 * one JSON line. A container at latency L and concurrency C cannot do better than C/L rollouts per second; {@code ratio} is
 * the share of that limit reached. {@code overhead_us_per_rollout} is wall time per rollout against a zero-latency
 * container at the same concurrency: what the runtime, HTTP and persistence cost;
 * {@code cpu_us_per_rollout} is the CPU time the whole process (client, container, sqlite) spent per rollout in that
 * pass, which tells a CPU-bound pass from one waiting on something. The repeat
 * pass sends the same jobs again: every one must be a cache hit and the container must see no call. Everything is
 * timed in steady state, after warm-up passes that last until the JIT compilers have settled
 * ({@code warmup_rollouts} says how many rollouts that took).
 */
public final class FanoutBenchmark {

    /** What to measure. */
    public record Options(int concurrency, double latencyMs, int rollouts) {
        public Options {
            if (concurrency < 1 || concurrency > 4096) {
                throw new IllegalArgumentException("--concurrency must be in 1..4096, was " + concurrency);
            }
            if (latencyMs <= 0 || latencyMs > 60_000) {
                throw new IllegalArgumentException("--latency-ms must be in (0, 60000], was " + latencyMs);
            }
            if (rollouts < 1 || rollouts > 1_000_000) {
                throw new IllegalArgumentException("--rollouts must be in 1..1000000, was " + rollouts);
            }
        }
    }

    /** The figures, in the order they are printed. */
    public record Figures(int concurrency, double latencyMs, int rollouts, double wallS, double throughput,
                          double limit, double ratio, double overheadUsPerRollout, double cpuUsPerRollout,
                          double cacheHitRate, long containerCallsOnRepeat, int warmUpRollouts) {
        public String toJson() {
            return String.format(Locale.ROOT, "{\"concurrency\":%d,\"latency_ms\":%s,\"rollouts\":%d,\"wall_s\":%.3f,"
                    + "\"throughput\":%.1f,\"limit\":%.1f,\"ratio\":%.3f,\"overhead_us_per_rollout\":%.1f,"
                    + "\"cpu_us_per_rollout\":%.1f,\"cache_hit_rate\":%.3f,\"container_calls_on_repeat\":%d,"
                    + "\"warmup_rollouts\":%d}",
                    concurrency, trim(latencyMs), rollouts, wallS, throughput, limit, ratio, overheadUsPerRollout,
                    cpuUsPerRollout, cacheHitRate, containerCallsOnRepeat, warmUpRollouts);
        }

        private static String trim(double v) {
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
    }

    private FanoutBenchmark() {
    }

    public static void main(String[] args) {
        int concurrency = 64;
        double latency = 50;
        int rollouts = 4000;
        String workspace = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--concurrency" -> concurrency = Integer.parseInt(required(args[i], value));
                case "--latency-ms" -> latency = Double.parseDouble(required(args[i], value));
                case "--rollouts" -> rollouts = Integer.parseInt(required(args[i], value));
                case "--workspace" -> workspace = required(args[i], value);
                default -> throw new IllegalArgumentException("unknown option '" + args[i]
                        + "': use --concurrency C --latency-ms L --rollouts N [--workspace postgresql://...]");
            }
            i++;
        }
        System.out.println(run(new Options(concurrency, latency, rollouts), workspace).toJson());
    }

    private static String required(String option, String value) {
        if (value == null) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return value;
    }

    /** Rollouts per warm-up pass through the zero-latency container. */
    static final int WARM_UP_PASS = 4000;
    /** Warm-up passes at most, however busy the compiler stays. */
    static final int MAX_WARM_UP_PASSES = 15;
    /** The warm-up ends after a pass in which the JIT compilers worked less than this share of the pass's time. */
    static final double SETTLED_COMPILE_SHARE = 0.05;

    /** Runs the warm-up and the three timed passes on a temporary sqlite workspace and returns the figures. */
    public static Figures run(Options o) {
        return run(o, null);
    }

    /**
     * Runs the warm-up and the three timed passes and returns the figures.
     *
     * @param database a {@code postgresql://} workspace URL, or null for a temporary sqlite workspace
     */
    public static Figures run(Options o, String database) {
        if (database != null) {
            if (!Workspaces.isDatabase(database)) {
                throw new IllegalArgumentException("--workspace " + database + ": give a postgresql:// URL (without "
                        + "it the benchmark uses a temporary sqlite workspace)");
            }
            String tag = "-" + Long.toString(System.currentTimeMillis(), 36);
            try (Workspace workspace = Workspaces.open(database, Secrets.fromEnvironment(System.getenv(),
                    List.of()))) {
                return run(o, workspace, tag);
            }
        }
        Path folder;
        try {
            folder = Files.createTempDirectory("gepa-bench-fanout");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary workspace folder", e);
        }
        try (SqliteWorkspace workspace = SqliteWorkspace.open(folder)) {
            return run(o, workspace, "");
        } finally {
            deleteQuietly(folder);
        }
    }

    /** The passes on {@code workspace}; {@code tag} ends every run id and prompt (empty on a fresh workspace). */
    private static Figures run(Options o, Workspace workspace, String tag) {
        Pass zeroPass;
        int warmUpRollouts;
        try (LatencyContainer zero = new LatencyContainer(0, 1)) {
            warmUpRollouts = warmUp(workspace, zero, o, tag);
            zeroPass = pass(workspace, "bench-zero-latency" + tag, zero, o, "zero latency" + tag, o.rollouts());
        }
        try (LatencyContainer slow = new LatencyContainer(o.latencyMs(), 2)) {
            // the latency pass takes paths the zero-latency warm-up never did (the container's timer, responses
            // written off the selector, reads that park): one untimed pass of its own compiles them first
            pass(workspace, "bench-warmup-latency" + tag, slow, o, "warm-up latency" + tag, o.rollouts());
            warmUpRollouts += o.rollouts();
            Pass timed = pass(workspace, "bench-fanout" + tag, slow, o, "fanout" + tag, o.rollouts());
            long callsBefore = slow.calls();
            Pass repeat = pass(workspace, "bench-fanout" + tag, slow, o, "fanout" + tag, o.rollouts());
            double throughput = o.rollouts() / timed.wallS();
            double limit = o.concurrency() / (o.latencyMs() / 1000.0);
            return new Figures(o.concurrency(), o.latencyMs(), o.rollouts(), timed.wallS(), throughput, limit,
                    throughput / limit, zeroPass.wallS() * 1e6 / o.rollouts(),
                    zeroPass.cpuS() * 1e6 / o.rollouts(), repeat.cached() / (double) o.rollouts(),
                    slow.calls() - callsBefore, warmUpRollouts);
        }
    }

    /**
     * Runs warm-up passes (fresh jobs each, so they miss the cache like the timed passes) until the JIT compilers
     * settle. On two cores the compilers take as much CPU as the rollouts for the first tens of thousands of round
     * trips; timing that would measure the compiler, not the runtime in a run of any length. Returns the rollouts
     * spent warming up.
     */
    private static int warmUp(Workspace workspace, LatencyContainer zero, Options o, String tag) {
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int passes = 0;
        while (passes < MAX_WARM_UP_PASSES) {
            long compileMsBefore = jit.getTotalCompilationTime();
            Pass p = pass(workspace, "bench-warmup-" + passes + tag, zero, o, "warm-up " + passes + tag,
                    WARM_UP_PASS);
            passes++;
            double compileShare = (jit.getTotalCompilationTime() - compileMsBefore) / 1000.0 / p.wallS();
            if (compileShare < SETTLED_COMPILE_SHARE) {
                break;
            }
        }
        return passes * WARM_UP_PASS;
    }

    /** One pass: its wall time, its cache hits and the CPU time the whole process spent during it. */
    private record Pass(double wallS, int cached, double cpuS) {
    }

    private static long processCpuNanos() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static Pass pass(Workspace workspace, String runId, LatencyContainer server, Options o,
                             String prompt, int n) {
        RunRecorder recorder = workspace.reader().run(runId).isPresent() ? workspace.resumeRun(runId)
                : workspace.startRun(new RunSpec(runId, server.url(), "", 1, "serial", Long.MAX_VALUE / 4));
        Candidate candidate = Candidate.of(0, Map.of("system_prompt", "Classify the banking query (" + prompt + ")."),
                List.of(), "seed");
        List<RolloutJob> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String row = "{\"example_id\":\"train:" + i + "\",\"seed\":" + i + ",\"text\":\"how do I top up card "
                    + i + "\"}";
            jobs.add(new RolloutJob(candidate, new DatasetRow(new ExampleRef(Split.TRAIN, i, "train:" + i), row,
                    null)));
        }
        try (TaskContainer container = new HttpTaskContainer(server.url())) {
            RolloutQueue queue = new RolloutQueue(List.of(container), recorder, RolloutBudget.unlimited(),
                    CacheMode.READWRITE, PolicySpec.of("embedded", "bench"), runId, Duration.ofSeconds(30),
                    RetryPolicy.defaults(), ConcurrencyLimits.fixed(o.concurrency()), new SplittableRandom(7));
            long cpuStart = processCpuNanos();
            long start = System.nanoTime();
            BatchResult result = queue.run(Stage.ADHOC, jobs);
            double wall = (System.nanoTime() - start) / 1e9;
            double cpu = (processCpuNanos() - cpuStart) / 1e9;
            if (!result.complete()) {
                throw new IllegalStateException("the benchmark pass '" + prompt + "' did not complete: "
                        + queue.counters());
            }
            recorder.finish(RunStatus.FINISHED, "benchmark pass done");
            return new Pass(wall, result.cached(), cpu);
        }
    }

    private static void deleteQuietly(Path folder) {
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
