package dev.gepa4j.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.management.OperatingSystemMXBean;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopDefaults;
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
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.random.RandomGeneratorFactory;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.LongStream;

/**
 * The overlap benchmark (docs/benchmarks.md): the synthetic task over real HTTP with a fixed container latency and
 * a proposer that takes a fixed time per call (standing in for a model), run once in serial mode and once in
 * overlapped mode with the same rollout budget, the same queue concurrency and the same seed, each in a fresh
 * sqlite workspace. For each seed it prints one JSON line: the wall-clock, final train score, CPU and JIT-compile
 * seconds of each mode, and how long the overlapped run took to first register a candidate at least as good as the
 * serial run's final one. With several seeds a last line sums them up (mean, median, least and most of
 * {@code reach_over_serial_wall}); the target, a third, applies to the mean.
 *
 * <p>All seeds run in one JVM, after {@code --warmup} untimed pairs (default 1) with the first seed, so the timed
 * runs do not pay for the JIT compiling the loop, the HTTP stack and sqlite: on a two-core machine the compiler
 * otherwise takes most of the first run's ten seconds, and the serial run, which goes first, would pay for both.
 * The compilers never fall quite silent here (the two modes keep reshaping the profile), which is why each line
 * reports {@code jit_s}.
 *
 * <p>A program, not a test: the figures depend on the machine and are never asserted. Options (all optional):
 * {@code --budget N --lanes N --concurrency N --container-ms N --proposer-ms N --seeds A-B|A,B,.. (default 1-8)
 * --seed N (one seed) --train N --merges N --warmup N --staleness accept|recheck|drop|rebase --trace FILE} (merges:
 * the most merge attempts, 0 for none, used by both modes; staleness: the overlapped mode's policy, by default the
 * {@code [gepa] staleness} default; lanes: by default those of {@code [gepa] in_flight} with an LLM proposer,
 * which the synthetic proposer stands in for; trace: every event of the timed runs as a JSON line with its seed,
 * mode and time since the run's start, for following a run's longest path afterwards).
 */
public final class OverlapBenchmark {
    private static final ObjectMapper TRACE_JSON = new ObjectMapper();

    private OverlapBenchmark() {
    }

    record Options(long budget, int lanes, int concurrency, long containerMs, long proposerMs, List<Long> seeds,
                   int train, int merges, int warmup, String staleness, String trace) {
        static Options parse(String[] args) {
            Map<String, String> v = new HashMap<>(Map.of("budget", "2000", "lanes",
                    String.valueOf(LoopDefaults.LLM_LANES), "concurrency", "64",
                    "container-ms", "30", "proposer-ms", "200", "seeds", "1-8", "train", "24", "merges", "100",
                    "warmup", "1", "staleness", LoopDefaults.STALENESS.label()));
            v.put("seed", "");
            v.put("trace", "");
            for (int i = 0; i < args.length; i += 2) {
                String key = args[i].replaceFirst("^--", "");
                if (!v.containsKey(key) || i + 1 == args.length) {
                    throw new IllegalArgumentException((v.containsKey(key) ? "no value for option " : "unknown option ")
                            + args[i] + "; known: " + new TreeSet<>(v.keySet()));
                }
                v.put(key, args[i + 1]);
            }
            stalenessNamed(v.get("staleness"));
            List<Long> seeds = v.get("seed").isEmpty() ? seeds(v.get("seeds")) : List.of(number(v, "seed"));
            return new Options(number(v, "budget"), (int) number(v, "lanes"), (int) number(v, "concurrency"),
                    number(v, "container-ms"), number(v, "proposer-ms"), seeds, (int) number(v, "train"),
                    (int) number(v, "merges"), (int) number(v, "warmup"), v.get("staleness"),
                    v.get("trace"));
        }

        /** {@code 1-8} (inclusive) or {@code 1,5,9}. */
        static List<Long> seeds(String text) {
            try {
                Matcher range = Pattern.compile("(\\d+)-(\\d+)").matcher(text.trim());
                if (range.matches()) {
                    long from = Long.parseLong(range.group(1));
                    long to = Long.parseLong(range.group(2));
                    if (from <= to && to - from < 1000) {
                        return LongStream.rangeClosed(from, to).boxed().toList();
                    }
                } else {
                    return Arrays.stream(text.split(",")).map(String::trim).map(Long::parseLong).toList();
                }
            } catch (NumberFormatException e) {
                // reported below
            }
            throw new IllegalArgumentException("--seeds " + text + ": expected a range like 1-8 (at most 1000 seeds) "
                    + "or a list like 1,5,9");
        }

        private static long number(Map<String, String> v, String key) {
            try {
                return Long.parseLong(v.get(key));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--" + key + " " + v.get(key) + ": expected a whole number", e);
            }
        }
    }

    private static Staleness stalenessNamed(String name) {
        try {
            return Staleness.named(name);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--staleness " + name + ": use accept, recheck, drop or rebase", e);
        }
    }

    /** One mode's figures; {@code improvements} are (seconds since start, best train mean so far) pairs. */
    record Figures(double wallS, Double train, int proposals, int accepted, long executed, double cpuS, double jitS,
                   List<double[]> improvements) {
        /** Seconds until the best train mean first reached {@code target}, or null if it never did. */
        Double reached(double target) {
            return improvements.stream().filter(p -> p[1] >= target - 1e-9).map(p -> p[0]).findFirst().orElse(null);
        }
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        SyntheticOptions task = new SyntheticOptions(o.train(), 8, 2, 7, o.containerMs());
        for (int i = 0; i < o.warmup(); i++) {
            run(o, task, Mode.SERIAL, o.seeds().get(0), null);
            run(o, task, Mode.OVERLAPPED, o.seeds().get(0), null);
        }
        Path trace = o.trace().isEmpty() ? null : startTrace(o.trace());
        List<Double> ratios = new ArrayList<>();
        for (long seed : o.seeds()) {
            Figures serial = run(o, task, Mode.SERIAL, seed, trace);
            Figures overlapped = run(o, task, Mode.OVERLAPPED, seed, trace);
            Double reach = serial.train() == null ? null : overlapped.reached(serial.train());
            Double ratio = reach == null ? null : reach / serial.wallS();
            ratios.add(ratio);
            System.out.println(String.format(Locale.ROOT, "{\"benchmark\":\"overlap\",\"seed\":%d,\"budget\":%d,"
                            + "\"train\":%d,\"container_latency_ms\":%d,\"proposer_latency_ms\":%d,\"lanes\":%d,"
                            + "\"concurrency\":%d,\"merges\":%d,\"staleness\":\"%s\",\"warmup_pairs\":%d,"
                            + "\"serial\":%s,\"overlapped\":%s,\"overlapped_reaches_serial_final_s\":%s,"
                            + "\"reach_over_serial_wall\":%s,\"wall_ratio_overlapped_over_serial\":%.3f,"
                            + "\"target_met\":%b}",
                    seed, o.budget(), o.train(), o.containerMs(), o.proposerMs(), o.lanes(), o.concurrency(),
                    o.merges(), o.staleness(), o.warmup(), json(serial), json(overlapped), num(reach), num(ratio),
                    overlapped.wallS() / serial.wallS(), ratio != null && ratio <= 1.0 / 3));
        }
        if (o.seeds().size() > 1) {
            System.out.println(summary(o.seeds(), ratios));
        }
    }

    /** The summary line over all seeds; a seed whose overlapped run never reached the serial score counts as 1. */
    static String summary(List<Long> seeds, List<Double> ratios) {
        double[] sorted = ratios.stream().mapToDouble(r -> r == null ? 1.0 : r).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        long never = ratios.stream().filter(java.util.Objects::isNull).count();
        return String.format(Locale.ROOT, "{\"benchmark\":\"overlap_summary\",\"seeds\":%s,"
                        + "\"reach_over_serial_wall_mean\":%.4f,\"median\":%.4f,\"min\":%.4f,\"max\":%.4f,"
                        + "\"seeds_never_reached\":%d,\"target\":0.3333,\"target_met\":%b}",
                seeds, mean, median, sorted[0], sorted[n - 1], never, mean <= 1.0 / 3);
    }

    /** One timed or warm-up run; with a {@code trace} file, its events are appended to it as JSON lines. */
    private static Figures run(Options o, SyntheticOptions task, Mode mode, long seed, Path trace) throws IOException {
        Path folder = Files.createTempDirectory("gepa-overlap-bench");
        try (SyntheticContainer server = SyntheticContainer.start(task);
             SqliteWorkspace workspace = SqliteWorkspace.open(folder);
             TaskContainer container = new HttpTaskContainer(server.url())) {
            container.preflight();
            String runId = "bench-" + mode.label();
            RunRecorder recorder = workspace.startRun(new RunSpec(runId, server.url(), "", seed, mode.label(),
                    o.budget()));
            RolloutQueue queue = new RolloutQueue(List.of(container), recorder, new RolloutBudget(o.budget(), 0),
                    CacheMode.READWRITE, PolicySpec.of("embedded", "bench"), runId, Duration.ofSeconds(30),
                    RetryPolicy.defaults(), ConcurrencyLimits.fixed(o.concurrency()), new SplittableRandom(seed));
            ConcurrentLinkedQueue<double[]> improvements = new ConcurrentLinkedQueue<>();
            // events are kept as they come and written as JSON after the run, off the timed lanes
            ConcurrentLinkedQueue<TimedEvent> traced = new ConcurrentLinkedQueue<>();
            CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
            OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
            long jitMsBefore = jit.getTotalCompilationTime();
            long cpuNsBefore = os.getProcessCpuTime();
            long start = System.nanoTime();
            double[] best = {-1};
            LoopParts parts = LoopParts.builder().program(container.program()).taskInfo(container.taskInfo())
                    .train(container.rows(Split.TRAIN, LongStream.range(0, o.train()).boxed().toList()))
                    .heldout(container.rows(Split.HELDOUT, LongStream.range(0, 8).boxed().toList())).runner(queue)
                    .recorder(recorder).proposer(new SyntheticProposer(0.15, 0.15, o.proposerMs()))
                    .random(RandomGeneratorFactory.of("L64X128MixRandom").create(seed)).listeners(List.of(e -> {
                        if (trace != null) {
                            traced.add(new TimedEvent((System.nanoTime() - start) / 1e9, e));
                        }
                        if (e instanceof RunEvent.CandidateRegistered r && r.trainMean() != null) {
                            synchronized (best) {
                                if (r.trainMean() > best[0]) {
                                    best[0] = r.trainMean();
                                    improvements.add(new double[] {(System.nanoTime() - start) / 1e9, r.trainMean()});
                                }
                            }
                        }
                    })).build();
            // Minibatch 3: the size these benchmark figures were measured with (the product default is larger).
            LoopConfig config = LoopConfig.builder().mode(mode).minibatchSize(3).lanes(o.lanes())
                    .staleness(stalenessNamed(o.staleness()))
                    .merge(o.merges() > 0 ? MergeSettings.on(o.merges()) : MergeSettings.off()).build();
            LoopResult r = new GepaLoop(config, parts).run();
            double wall = (System.nanoTime() - start) / 1e9;
            if (trace != null) {
                Files.write(trace, traced.stream().map(t -> traceLine(seed, mode, t.seconds(), t.event())).toList(),
                        StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            return new Figures(wall, r.bestTrainMean(), r.counts().proposals(), r.counts().accepted(),
                    queue.counters().executed(), (os.getProcessCpuTime() - cpuNsBefore) / 1e9,
                    (jit.getTotalCompilationTime() - jitMsBefore) / 1e3, List.copyOf(improvements));
        } finally {
            try (var paths = Files.walk(folder)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** Creates (or empties) the trace file; a path that cannot be written is the user's mistake, said as such. */
    static Path startTrace(String path) {
        Path trace = Path.of(path);
        try {
            Files.deleteIfExists(trace);
            return Files.createFile(trace);
        } catch (IOException e) {
            throw new IllegalArgumentException("--trace " + path + ": cannot create the file (" + e + "); give a path "
                    + "in an existing folder you can write to", e);
        }
    }

    /** An event and when it came, in seconds since the run's start. */
    private record TimedEvent(double seconds, RunEvent event) {
    }

    /** One traced event: {@code {"seed","mode","t" (seconds since the run's start),"type","fields"}}. */
    private static String traceLine(long seed, Mode mode, double t, RunEvent e) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("seed", seed);
        line.put("mode", mode.label());
        line.put("t", Math.round(t * 1e4) / 1e4);
        line.put("type", e.type());
        line.put("fields", e.fields());
        try {
            return TRACE_JSON.writeValueAsString(line);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write a trace line for " + e.type(), ex);
        }
    }

    private static String json(Figures f) {
        return String.format(Locale.ROOT, "{\"wall_s\":%.3f,\"final_train\":%s,\"proposals\":%d,\"accepted\":%d,"
                + "\"rollouts_executed\":%d,\"cpu_s\":%.2f,\"jit_s\":%.2f}", f.wallS(), num(f.train()), f.proposals(),
                f.accepted(), f.executed(), f.cpuS(), f.jitS());
    }

    private static String num(Double v) {
        return v == null ? "null" : String.format(Locale.ROOT, "%.4f", v);
    }
}
