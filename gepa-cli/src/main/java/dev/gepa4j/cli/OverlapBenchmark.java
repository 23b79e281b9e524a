package dev.gepa4j.cli;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.MergeSettings;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.RunEvent;
import dev.gepa4j.core.engine.Staleness;
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
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import dev.gepa4j.testkit.synthetic.SyntheticOptions;
import dev.gepa4j.testkit.synthetic.SyntheticProposer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.LongStream;

/**
 * The overlap benchmark (DESIGN.md section 6): the synthetic task over real HTTP with a fixed container latency and
 * a proposer that takes a fixed time per call (standing in for a model), run once in serial mode and once in
 * overlapped mode with the same rollout budget, the same queue concurrency and the same seed, each in a fresh
 * sqlite workspace. Prints one JSON line: the wall-clock and final train score of each mode, and how long the
 * overlapped run took to first register a candidate at least as good as the serial run's final one.
 *
 * <p>A program, not a test: the figures depend on the machine and are never asserted. Options (all optional):
 * {@code --budget N --lanes N --concurrency N --container-ms N --proposer-ms N --seed N --train N --merges N
 * --drop-lag N} (merges: the most merge attempts, 0 for none, used by both modes; drop-lag: overlapped children
 * planned more than N frontier versions ago are dropped before full train, -1 to accept them as they are).
 */
public final class OverlapBenchmark {
    private OverlapBenchmark() {
    }

    record Options(long budget, int lanes, int concurrency, long containerMs, long proposerMs, long seed, int train,
                   int merges, long dropLag) {
        static Options parse(String[] args) {
            Map<String, Long> v = new HashMap<>(Map.of("budget", 2000L, "lanes", 4L, "concurrency", 64L,
                    "container-ms", 30L, "proposer-ms", 200L, "seed", 1L, "train", 24L, "merges", 100L,
                    "drop-lag", -1L));
            for (int i = 0; i + 1 < args.length; i += 2) {
                String key = args[i].replaceFirst("^--", "");
                if (!v.containsKey(key)) {
                    throw new IllegalArgumentException("unknown option " + args[i] + "; known: " + v.keySet());
                }
                v.put(key, Long.parseLong(args[i + 1]));
            }
            return new Options(v.get("budget"), v.get("lanes").intValue(), v.get("concurrency").intValue(),
                    v.get("container-ms"), v.get("proposer-ms"), v.get("seed"), v.get("train").intValue(),
                    v.get("merges").intValue(), v.get("drop-lag"));
        }
    }

    /** One mode's figures; {@code improvements} are (seconds since start, best train mean so far) pairs. */
    record Figures(double wallS, Double train, int proposals, int accepted, long executed, List<double[]> improvements) {
        /** Seconds until the best train mean first reached {@code target}, or null if it never did. */
        Double reached(double target) {
            return improvements.stream().filter(p -> p[1] >= target - 1e-9).map(p -> p[0]).findFirst().orElse(null);
        }
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        SyntheticOptions task = new SyntheticOptions(o.train(), 8, 2, 7, o.containerMs());
        Figures serial = run(o, task, Mode.SERIAL);
        Figures overlapped = run(o, task, Mode.OVERLAPPED);
        Double reach = serial.train() == null ? null : overlapped.reached(serial.train());
        System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"overlap\",\"budget\":%d,\"train\":%d,"
                        + "\"container_latency_ms\":%d,\"proposer_latency_ms\":%d,\"lanes\":%d,\"concurrency\":%d,"
                        + "\"merges\":%d,\"drop_lag\":%d,\"serial\":%s,\"overlapped\":%s,\"overlapped_reaches_serial_final_s\":%s,"
                        + "\"reach_over_serial_wall\":%s,\"wall_ratio_overlapped_over_serial\":%.3f,\"target_met\":%b}",
                o.budget(), o.train(), o.containerMs(), o.proposerMs(), o.lanes(), o.concurrency(), o.merges(), o.dropLag(),
                json(serial), json(overlapped), num(reach), num(reach == null ? null : reach / serial.wallS()),
                overlapped.wallS() / serial.wallS(), reach != null && reach <= serial.wallS() / 3));
    }

    private static Figures run(Options o, SyntheticOptions task, Mode mode) throws IOException {
        Path folder = Files.createTempDirectory("gepa-overlap-bench");
        try (SyntheticContainer server = SyntheticContainer.start(task);
             SqliteWorkspace workspace = SqliteWorkspace.open(folder);
             TaskContainer container = new HttpTaskContainer(server.url())) {
            container.preflight();
            String runId = "bench-" + mode.label();
            RunRecorder recorder = workspace.startRun(new RunSpec(runId, server.url(), "", o.seed(), mode.label(),
                    o.budget()));
            RolloutQueue queue = new RolloutQueue(List.of(container), recorder, new RolloutBudget(o.budget(), 0),
                    CacheMode.READWRITE, PolicySpec.of("embedded", "bench"), runId, Duration.ofSeconds(30),
                    RetryPolicy.defaults(), ConcurrencyLimits.fixed(o.concurrency()), new SplittableRandom(o.seed()));
            ConcurrentLinkedQueue<double[]> improvements = new ConcurrentLinkedQueue<>();
            long start = System.nanoTime();
            double[] best = {-1};
            LoopParts parts = LoopParts.of(container.program(), container.taskInfo(),
                    container.rows(Split.TRAIN, LongStream.range(0, o.train()).boxed().toList()),
                    container.rows(Split.HELDOUT, LongStream.range(0, 8).boxed().toList()), queue, recorder,
                    new SyntheticProposer(0.15, 0.15, o.proposerMs()),
                    RandomGeneratorFactory.of("L64X128MixRandom").create(o.seed())).withListeners(List.of(e -> {
                        if (e instanceof RunEvent.CandidateRegistered r && r.trainMean() != null) {
                            synchronized (best) {
                                if (r.trainMean() > best[0]) {
                                    best[0] = r.trainMean();
                                    improvements.add(new double[] {(System.nanoTime() - start) / 1e9, r.trainMean()});
                                }
                            }
                        }
                    }));
            LoopConfig config = LoopConfig.defaults().withMode(mode).withLanes(o.lanes(), o.dropLag() < 0 ? Staleness.acceptAsIs()
                    : Staleness.dropBeyond(o.dropLag())).withMerge(o.merges() > 0 ? MergeSettings.on(o.merges()) : MergeSettings.off());
            LoopResult r = new GepaLoop(config, parts).run();
            double wall = (System.nanoTime() - start) / 1e9;
            return new Figures(wall, r.bestTrainMean(), r.counts().proposals(), r.counts().accepted(),
                    queue.counters().executed(), List.copyOf(improvements));
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String json(Figures f) {
        return String.format(Locale.ROOT, "{\"wall_s\":%.3f,\"final_train\":%s,\"proposals\":%d,\"accepted\":%d,"
                + "\"rollouts_executed\":%d}", f.wallS(), num(f.train()), f.proposals(), f.accepted(), f.executed());
    }

    private static String num(Double v) {
        return v == null ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}
