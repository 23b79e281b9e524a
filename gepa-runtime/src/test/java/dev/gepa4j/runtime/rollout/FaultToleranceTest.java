package dev.gepa4j.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.faults.Arrival;
import dev.gepa4j.testkit.faults.Fault;
import dev.gepa4j.testkit.faults.FaultSchedule;
import dev.gepa4j.testkit.faults.FaultyContainer;
import dev.gepa4j.testkit.faults.LatencyModel;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue against a real container on loopback that misbehaves. Every test checks the same accounting: each job
 * ends as ok, failed (inside the container) or error; the journal holds one row per job; the budget committed
 * equals the rollouts the container says it executed; and, counted by the container on arrival (before its memory of
 * answered ids could hide a repeat), the container saw every attempt the client reports and answered each rollout
 * once: no rollout was asked for again after its answer arrived. An answer whose write failed (a stop or a hang-up
 * closed the connection) may or may not have reached the client, so it counts towards "the client's result was
 * answered" and not towards "asked again".
 */
class FaultToleranceTest {
    private static final int JOBS = 120;

    @TempDir
    Path dir;
    private SqliteWorkspace workspace;
    private RunRecorder recorder;
    private final RolloutBudget budget = new RolloutBudget(10_000, 0);

    @BeforeEach
    void open() {
        workspace = SqliteWorkspace.open(dir);
        recorder = workspace.startRun(new RunSpec("faults", "faulty", "", 1, "serial", 10_000));
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    private BatchResult runAgainst(List<TaskContainer> endpoints, Duration timeout, RolloutQueue[] out) {
        return runAgainst(endpoints, timeout, ConcurrencyLimits.adaptive(16, 32), out);
    }

    private BatchResult runAgainst(List<TaskContainer> endpoints, Duration timeout, ConcurrencyLimits limits,
                                   RolloutQueue[] out) {
        RolloutQueue queue = QueueFixture.queue(endpoints, recorder, budget, "faults", timeout, limits);
        out[0] = queue;
        return queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", JOBS));
    }

    private void assertAccounted(BatchResult batch, FaultyContainer... containers) {
        assertAccounted(batch, true, containers);
    }

    /**
     * @param everyAttemptArrives false when some attempts cannot reach a container (an endpoint nobody listens on, a
     *                            container down for a restart): then the container sees at most the attempts made
     */
    private void assertAccounted(BatchResult batch, boolean everyAttemptArrives, FaultyContainer... containers) {
        assertThat(batch.results()).hasSize(JOBS).doesNotContainNull();
        long ok = batch.results().stream().filter(r -> r.status() == RolloutStatus.OK).count();
        long failed = batch.results().stream().filter(r -> r.status() == RolloutStatus.FAILED).count();
        long errors = batch.results().stream().filter(r -> r.status() == RolloutStatus.ERROR).count();
        assertThat(ok + failed + errors).isEqualTo(JOBS);
        long judgedFailing = batch.results().stream()
                .filter(r -> r.example().seed() % 10 == 0 && r.status() != RolloutStatus.ERROR).count();
        assertThat(failed).as("seeds divisible by 10 fail inside the container").isEqualTo(judgedFailing);
        long executed = 0;
        for (FaultyContainer c : containers) {
            executed += c.executed();
        }
        for (RolloutResult r : batch.results()) {
            String id = r.rolloutId();
            int requests = 0;
            int answers = 0;
            int unconfirmed = 0;
            for (FaultyContainer c : containers) {
                requests += c.requestsOf(id);
                answers += c.answersOf(id);
                unconfirmed += c.unconfirmedAnswersOf(id);
            }
            if (everyAttemptArrives) {
                assertThat(requests).as("requests the container saw for %s", id).isEqualTo(r.attempts());
            } else {
                assertThat(requests).as("requests the container saw for %s", id).isBetween(1, r.attempts());
            }
            boolean cut = java.util.Arrays.stream(containers).anyMatch(c -> c.cutByStop().contains(id));
            int expected = r.status() == RolloutStatus.ERROR ? 0 : 1;
            // an answer written whole and then cut by a container's stop may never have reached the client, which
            // rightly asks again; one written whole otherwise reached it, so a second one means the client asked again
            assertThat(answers).as("answers the container wrote whole for %s (%s)", id, r.status())
                    .isLessThanOrEqualTo(cut ? expected + 1 : expected);
            // the client's result came from one of them, or from an answer whose write failed after its last byte left
            assertThat(answers + unconfirmed).as("answers the container gave for %s (%s), %d of them with a failed "
                    + "write", id, r.status(), unconfirmed).isGreaterThanOrEqualTo(expected);
        }
        List<String> errorTexts = batch.results().stream().filter(r -> r.status() == RolloutStatus.ERROR)
                .map(RolloutResult::error).distinct().limit(3).toList();
        assertThat(budget.committed()).as("committed rollouts (errors: %s)", errorTexts).isEqualTo(executed)
                .isEqualTo(ok + failed);
        assertThat(recorder.executedInRun()).isEqualTo(executed);
        assertThat(workspace.reader().rollouts("faults", 0)).hasSize(JOBS);
    }

    @Test
    void aBatchLargerThanTheBudgetIsCutAtTheBudgetAndTheContainerSeesNoMore() {
        // retries included: every request past the budget would show at the container
        RolloutBudget small = new RolloutBudget(50, 0);
        try (FaultyContainer c = FaultyContainer.start(FaultSchedule.bursts(Fault.UNAVAILABLE, 10, 2),
                new LatencyModel(5, 7), 0, 0)) {
            RolloutQueue queue = QueueFixture.queue(QueueFixture.http(c.url()), recorder, small, "faults",
                    Duration.ofSeconds(5), ConcurrencyLimits.adaptive(16, 32));
            BatchResult batch = queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", JOBS));

            assertThat(batch.budgetExhausted()).isTrue();
            assertThat(batch.complete()).isFalse();
            assertThat(small.committed()).isEqualTo(50);
            assertThat(c.executed()).as("rollouts the container executed").isEqualTo(50);
            long answered = batch.results().stream().filter(Objects::nonNull)
                    .filter(r -> r.status() != RolloutStatus.ERROR).count();
            assertThat(answered).isEqualTo(50);
            long distinctIdsRequested = c.arrivals().stream().map(Arrival::rolloutId).distinct().count();
            assertThat(distinctIdsRequested).as("rollouts the container was asked for").isEqualTo(50);
        }
    }

    @Test
    void burstsOf503AreRetriedUntilEveryRolloutCompletes() {
        try (FaultyContainer c = FaultyContainer.start(FaultSchedule.bursts(Fault.UNAVAILABLE, 10, 3),
                new LatencyModel(5, 1), 0, 0)) {
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http(c.url()), Duration.ofSeconds(5), q);
            assertAccounted(batch, c);
            assertThat(batch.complete()).isTrue();
            assertThat(q[0].counters().retried()).isGreaterThanOrEqualTo(c.injected(Fault.UNAVAILABLE));
            assertThat(c.injected(Fault.UNAVAILABLE)).isPositive();
        }
    }

    @Test
    void tooManyRequestsWithRetryAfterIsWaitedOutAndLowersConcurrency() {
        // 8 calls at most and no growth, so one 429 halves the limit to 4 for the rest of the batch; service times
        // of 50-380 ms keep every slot the client is allowed busy, so the container sees its in-flight count
        long overloaded = 30;
        ConcurrencyLimits limits = new ConcurrencyLimits(8, 1, 8, 1_000, 0.5);
        try (FaultyContainer c = FaultyContainer.start(
                arrival -> arrival == overloaded ? Fault.TOO_MANY_REQUESTS : Fault.NONE,
                new LatencyModel(100, 2), 0, 0)) {
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http(c.url()), Duration.ofSeconds(5), limits, q);
            assertAccounted(batch, c);
            assertThat(batch.complete()).isTrue();
            assertThat(c.injected(Fault.TOO_MANY_REQUESTS)).isEqualTo(1);
            assertThat(q[0].counters().retried()).isEqualTo(1);

            List<Arrival> arrivals = c.arrivals();
            Arrival refused = arrivals.get((int) overloaded - 1);
            assertThat(refused.fault()).isEqualTo(Fault.TOO_MANY_REQUESTS);
            Arrival retry = arrivals.stream()
                    .filter(a -> a.rolloutId().equals(refused.rolloutId()) && a.number() > refused.number())
                    .findFirst().orElseThrow();
            // Retry-After: 1 counts from the client's receipt of the 429, which comes after its arrival here
            assertThat(Duration.ofNanos(retry.atNanos() - refused.atNanos()))
                    .as("the wait before the refused rollout was sent again").isGreaterThanOrEqualTo(Duration.ofMillis(990));
            int peakBefore = arrivals.stream().filter(a -> a.number() < refused.number())
                    .mapToInt(Arrival::inFlight).max().orElseThrow();
            int peakAfter = arrivals.stream().filter(a -> a.number() >= retry.number())
                    .mapToInt(Arrival::inFlight).max().orElseThrow();
            assertThat(peakBefore).as("calls in flight at the container before the 429").isGreaterThan(4);
            assertThat(peakAfter).as("calls in flight at the container once the 429 was waited out").isLessThanOrEqualTo(4);
            assertThat(arrivals.stream().filter(a -> a.number() >= retry.number()).count())
                    .as("arrivals after the retry, to show the lower limit on").isGreaterThan(20);
        }
    }

    @Test
    void requestsThatHangPastTheTimeoutAreRetried() {
        // a timeout far above the 5-19 ms service time, so only the hangs time out, even on a loaded machine: a
        // normal request that outlived it could have its answer written whole just as the client gave up, and its
        // retry would then count as asking again (loaded 2-core runs took up to 355 ms where 1 s was allowed)
        try (FaultyContainer c = FaultyContainer.start(FaultSchedule.random(Fault.HANG, 0.08, 3),
                new LatencyModel(5, 3), 6_000, 0)) {
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http(c.url()), Duration.ofSeconds(3), q);
            assertAccounted(batch, c);
            assertThat(batch.complete()).isTrue();
            assertThat(c.injected(Fault.HANG)).isPositive();
            assertThat(q[0].counters().retried()).isGreaterThanOrEqualTo(c.injected(Fault.HANG));
        }
    }

    @Test
    void anEndpointNobodyListensOnIsTakenOutOfThePoolAndTheOtherServesTheBatch() throws Exception {
        int deadPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            deadPort = s.getLocalPort();
        }
        try (FaultyContainer c = FaultyContainer.start(new LatencyModel(5, 4))) {
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http("http://127.0.0.1:" + deadPort, c.url()),
                    Duration.ofSeconds(5), q);
            assertAccounted(batch, false, c);
            assertThat(batch.complete()).isTrue();
            assertThat(batch.results()).extracting(RolloutResult::endpoint).containsOnly(c.url());
        }
    }

    @Test
    void malformedJsonIsAContractErrorThatIsNotRetriedAndSpendsNoBudget() {
        try (FaultyContainer c = FaultyContainer.start(FaultSchedule.random(Fault.MALFORMED_JSON, 0.1, 5),
                new LatencyModel(5, 5), 0, 0)) {
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http(c.url()), Duration.ofSeconds(5), q);
            assertAccounted(batch, c);
            List<RolloutResult> errors = batch.results().stream().filter(r -> r.status() == RolloutStatus.ERROR)
                    .toList();
            assertThat(errors).hasSize((int) c.injected(Fault.MALFORMED_JSON)).isNotEmpty();
            assertThat(errors).allSatisfy(r -> {
                assertThat(r.attempts()).isEqualTo(1);
                assertThat(r.error()).contains("contract violation");
            });
            assertThat(q[0].counters().errors()).isEqualTo(errors.size());
        }
    }

    @Test
    void aContainerRestartedMidRunLosesNoRolloutAndRepeatsNone() throws Exception {
        try (FaultyContainer c = FaultyContainer.start(FaultSchedule.NONE, new LatencyModel(20, 6), 0, 0)) {
            java.util.concurrent.atomic.AtomicReference<RuntimeException> restartFailure =
                    new java.util.concurrent.atomic.AtomicReference<>();
            Thread restarter = Thread.ofPlatform().start(() -> {
                while (c.executed() < JOBS / 3) {
                    Thread.onSpinWait();
                    try {
                        Thread.sleep(2);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
                try {
                    c.restart();
                } catch (RuntimeException e) {
                    restartFailure.set(e);
                }
            });
            RolloutQueue[] q = new RolloutQueue[1];
            BatchResult batch = runAgainst(QueueFixture.http(c.url()), Duration.ofSeconds(5), q);
            restarter.join();
            assertThat(restartFailure.get()).as("the container came back after its restart").isNull();
            assertAccounted(batch, false, c);
            assertThat(batch.complete()).isTrue();
            assertThat(batch.results().stream().filter(Objects::nonNull).count()).isEqualTo(JOBS);
        }
    }
}
