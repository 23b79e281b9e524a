package dev.gepa4j.core.rollout;

import dev.gepa4j.core.container.ContainerException;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process container for queue tests: {@code failure} decides, per request, an exception to throw instead of
 * answering (null = answer). Reward 1 for even seeds. Counts answered calls and requests per rollout id, and the
 * highest number of calls in flight at once.
 */
final class ScriptedContainer implements TaskContainer {
    final AtomicInteger answered = new AtomicInteger();
    final AtomicInteger requests = new AtomicInteger();
    final Map<String, AtomicInteger> requestsById = new ConcurrentHashMap<>();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger maxInFlight = new AtomicInteger();
    private final String name;
    private final Function<RolloutRequest, ContainerException> failure;
    private final long sleepMillis;

    ScriptedContainer(String name, long sleepMillis, Function<RolloutRequest, ContainerException> failure) {
        this.name = name;
        this.sleepMillis = sleepMillis;
        this.failure = failure;
    }

    static ScriptedContainer healthy(String name) {
        return new ScriptedContainer(name, 0, r -> null);
    }

    @Override
    public String endpoint() {
        return name;
    }

    @Override
    public RolloutResult rollout(RolloutRequest request) {
        requests.incrementAndGet();
        requestsById.computeIfAbsent(request.rolloutId(), k -> new AtomicInteger()).incrementAndGet();
        int now = inFlight.incrementAndGet();
        maxInFlight.accumulateAndGet(now, Math::max);
        try {
            if (sleepMillis > 0) {
                Thread.sleep(sleepMillis);
            }
            ContainerException e = failure.apply(request);
            if (e != null) {
                throw e;
            }
            answered.incrementAndGet();
            long seed = request.row().ref().seed();
            return new RolloutResult(request.rolloutId(), request.candidateId(), request.row().ref(),
                    RolloutStatus.OK, seed % 2 == 0 ? 1 : 0, "out-" + seed, null, "{}", null, 1, 1, name, false, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void preflight() {
    }

    @Override
    public ProgramSpec program() {
        throw new UnsupportedOperationException("queue tests only roll out");
    }

    @Override
    public TaskInfo taskInfo() {
        throw new UnsupportedOperationException("queue tests only roll out");
    }

    @Override
    public DatasetInfo dataset() {
        throw new UnsupportedOperationException("queue tests only roll out");
    }

    @Override
    public List<DatasetRow> rows(Split split, List<Long> seeds) {
        throw new UnsupportedOperationException("queue tests only roll out");
    }

    @Override
    public void close() {
    }
}
