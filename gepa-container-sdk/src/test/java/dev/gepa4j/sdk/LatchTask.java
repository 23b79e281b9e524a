package dev.gepa4j.sdk;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.core.model.VerifierResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test task: reward 1 when the instruction's length is even. Seed 3 makes the rollout throw. Counts calls and, when
 * armed, holds each rollout until {@code gate} opens, to prove concurrency without timing anything.
 */
final class LatchTask implements TaskHandler {
    final AtomicInteger rollouts = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    volatile CountDownLatch gate;

    @Override
    public ProgramSpec program() {
        return new ProgramSpec("latch", List.of(new ProgramModule("system", "system", "Be brief.", true, "system"),
                new ProgramModule("format", "user", "Answer: {x}", false, "format")), Map.of("system", "Be brief."));
    }

    @Override
    public TaskInfo taskInfo() {
        return new TaskInfo("latch", "test task", "none");
    }

    @Override
    public DatasetInfo dataset() {
        return new DatasetInfo("latch_v1", Map.of("train", 10, "test", 5));
    }

    @Override
    public List<ExampleRow> rows(String split, List<Long> seeds) {
        int size = switch (split) {
            case "train" -> 10;
            case "test" -> 5;
            default -> throw new IllegalArgumentException("unknown split '" + split + "': use train or test");
        };
        List<ExampleRow> rows = new ArrayList<>();
        for (long seed : seeds) {
            if (seed < 0 || seed >= size) {
                throw new IllegalArgumentException("seed " + seed + " is outside " + split + " (0.." + (size - 1) + ")");
            }
            rows.add(new ExampleRow(split + ":" + seed, seed, split, Map.of("text", "example " + seed)));
        }
        return rows;
    }

    @Override
    public RolloutOutcome rollout(RolloutCall call) throws Exception {
        rollouts.incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            CountDownLatch g = gate;
            if (g != null) {
                g.countDown();
                g.await(20, TimeUnit.SECONDS);
            }
            if (call.row().seed() == 3) {
                throw new IllegalStateException("policy crashed on purpose");
            }
            boolean even = call.candidate().get("system").length() % 2 == 0;
            return RolloutOutcome.of(even ? 1.0 : 0.0, even ? "even" : "odd", new VerifierResult(even, null, null));
        } finally {
            inFlight.decrementAndGet();
        }
    }
}
