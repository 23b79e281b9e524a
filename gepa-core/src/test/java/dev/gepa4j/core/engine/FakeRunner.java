package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutCacheKey;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.RolloutRunner;
import dev.gepa4j.core.rollout.Stage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A sequential rollout runner over an in-process keyword task, honouring the RolloutRunner contract: journal hits
 * cost nothing, every other job reserves budget first, results are journaled before they are returned.
 *
 * <p>Task: example {@code eN} needs keyword {@code kN%keywords} in field {@code N%fields == 0 ? instructions : format}.
 */
final class FakeRunner implements RolloutRunner {
    static final PolicySpec POLICY = PolicySpec.of("fake", "keyword");
    final RolloutBudget budget;
    final InMemoryRecorder journal;
    final AtomicLong containerCalls = new AtomicLong();
    final int keywords;
    final long latencyMs;

    FakeRunner(long limit, InMemoryRecorder journal, int keywords, long latencyMs) {
        this.budget = new RolloutBudget(limit, journal.usedInRun());
        this.journal = journal;
        this.keywords = keywords;
        this.latencyMs = latencyMs;
    }

    static String keyword(ExampleRef ref) {
        return "k" + ref.seed() % 5;
    }

    static String field(ExampleRef ref, List<String> fields) {
        return fields.get((int) (ref.seed() % fields.size()));
    }

    @Override
    public BatchResult run(Stage stage, List<RolloutJob> jobs, EarlyStop earlyStop) {
        RolloutResult[] results = new RolloutResult[jobs.size()];
        int executed = 0;
        int cached = 0;
        boolean exhausted = false;
        for (int i = 0; i < jobs.size(); i++) {
            RolloutJob job = jobs.get(i);
            String key = RolloutCacheKey.of(job.candidate().components(), job.row().ref().exampleId(), stage.split(), POLICY);
            var hit = journal.findInRun(key);
            if (hit.isPresent()) {
                results[i] = hit.get().asCacheHit("r-" + key.substring(0, 8) + "-" + i, job.candidate().id());
                cached++;
            } else if (!budget.tryReserve()) {
                exhausted = true;
                continue;
            } else {
                results[i] = judge(job);
                containerCalls.incrementAndGet();
                budget.commit();
                journal.append(stage, key, results[i]);
                executed++;
            }
            if (earlyStop.decided(Arrays.asList(results.clone()))) {
                break;
            }
        }
        return new BatchResult(new ArrayList<>(Arrays.asList(results)), executed, cached, exhausted);
    }

    private RolloutResult judge(RolloutJob job) {
        if (latencyMs > 0) {
            try {
                Thread.sleep(latencyMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        ExampleRef ref = job.row().ref();
        List<String> fields = new ArrayList<>(job.candidate().components().keySet());
        String field = field(ref, fields);
        String kw = keyword(ref);
        boolean ok = Arrays.asList(job.candidate().components().get(field).split(" ")).contains(kw);
        String feedback = ok ? "correct" : "needs " + kw + " in " + field;
        return new RolloutResult("r-" + containerCalls.get(), job.candidate().id(), ref, RolloutStatus.OK, ok ? 1 : 0,
                ok ? "right" : "wrong", new VerifierResult(ok, ok ? 1.0 : 0.0, feedback), "{}", null, latencyMs, 1,
                "fake", false, null);
    }

    @Override
    public RolloutBudget budget() {
        return budget;
    }

    static Map<String, String> noop() {
        return Map.of();
    }
}
