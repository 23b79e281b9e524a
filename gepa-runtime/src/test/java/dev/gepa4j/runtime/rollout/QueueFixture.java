package dev.gepa4j.runtime.rollout;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.EndpointPool;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Jobs and queues shared by the fault and crash tests. */
final class QueueFixture {
    static final PolicySpec POLICY = PolicySpec.of("embedded", "fault-test");

    private QueueFixture() {
    }

    static List<RolloutJob> jobs(String prompt, int n) {
        Candidate c = Candidate.of(0, Map.of("instructions", prompt), List.of(), "seed");
        List<RolloutJob> jobs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            jobs.add(new RolloutJob(c, new DatasetRow(new ExampleRef(Split.TRAIN, i, "train:" + i),
                    "{\"example_id\":\"train:" + i + "\",\"seed\":" + i + ",\"text\":\"question " + i + "\"}", null)));
        }
        return jobs;
    }

    static List<TaskContainer> http(String... urls) {
        return java.util.Arrays.stream(urls).<TaskContainer>map(HttpTaskContainer::new).toList();
    }

    static RolloutQueue queue(List<TaskContainer> endpoints, RunRecorder recorder, RolloutBudget budget,
                              String runId, Duration timeout, ConcurrencyLimits limits) {
        EndpointPool pool = new EndpointPool(endpoints, 2, Duration.ofMillis(200), System::nanoTime);
        // about 4 s of retrying in all: enough to ride out a container restart on a loaded 2-core CI machine
        RetryPolicy retry = new RetryPolicy(10, Duration.ofMillis(20), Duration.ofSeconds(1), Duration.ofSeconds(2));
        return new RolloutQueue(pool, recorder, budget, CacheMode.READWRITE, POLICY, runId, timeout, retry, limits,
                new SplittableRandom(42));
    }
}
