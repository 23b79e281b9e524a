package dev.gepa4j.cli;

import dev.gepa4j.bench.FanoutBenchmark;
import dev.gepa4j.bench.OverlapBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gepa bench ...}: benchmarks that print figures. */
@Command(name = "bench", description = "Run a benchmark and print its figures as one JSON line.",
        subcommands = {BenchCommand.Fanout.class, BenchCommand.Overlap.class})
public final class BenchCommand implements Callable<Integer> {

    public BenchCommand() {
    }

    @Override
    public Integer call() {
        System.err.println("choose a benchmark: gepa bench fanout [--concurrency C] [--latency-ms L] [--rollouts N] "
                + "[--workspace postgresql://...]"
                + " | gepa bench overlap [--seeds 1-8 --budget N --lanes N --proposer-ms N ...]");
        return 2;
    }

    /** {@code gepa bench fanout}: rollout fanout against a local container with injected latency. */
    @Command(name = "fanout",
            description = "Push N rollouts at concurrency C through the real queue, cache and sqlite workspace to a "
                    + "local container with mean latency L (long tail); print throughput against the C/L limit, "
                    + "the per-rollout overhead and the repeat-pass cache hit rate.")
    public static final class Fanout implements Callable<Integer> {
        @Option(names = "--concurrency", defaultValue = "64", description = "parallel rollouts (default 64)")
        int concurrency;

        @Option(names = "--latency-ms", defaultValue = "50", description = "mean container latency in ms (default 50)")
        double latencyMs;

        @Option(names = "--rollouts", defaultValue = "4000", description = "rollouts per pass (default 4000)")
        int rollouts;

        @Option(names = "--workspace", paramLabel = "URL", description = "a postgresql:// workspace to measure "
                + "(default: a temporary sqlite workspace)")
        String workspace;

        public Fanout() {
        }

        @Override
        public Integer call() {
            // an option out of range is refused by Options (IllegalArgumentException: exit 2 in FriendlyErrors)
            FanoutBenchmark.Options options = new FanoutBenchmark.Options(concurrency, latencyMs, rollouts);
            System.out.println(FanoutBenchmark.run(options, workspace).toJson());
            return 0;
        }
    }

    /** {@code gepa bench overlap}: serial vs overlapped loop at equal budget on the synthetic task. */
    @Command(name = "overlap", description = "Serial vs overlapped mode at equal rollout budget on the synthetic task "
            + "(container and proposer latency injected), seeds 1-8 in one JVM: a JSON line per seed and a summary line; "
            + "options: --budget --lanes --concurrency --container-ms --proposer-ms --seeds (1-8 or 1,5,9) --seed "
            + "(one seed) --train --merges --warmup --staleness --trace FILE (the timed runs' events as JSON lines).")
    public static final class Overlap implements Callable<Integer> {
        @picocli.CommandLine.Unmatched
        java.util.List<String> options = new java.util.ArrayList<>();

        public Overlap() {
        }

        @Override
        public Integer call() throws Exception {
            OverlapBenchmark.main(options.toArray(String[]::new));
            return 0;
        }
    }
}
