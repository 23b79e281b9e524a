package dev.gepa4j.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RolloutQueueTest {
    private static final PolicySpec POLICY = PolicySpec.of("embedded", "test");
    private static final RetryPolicy FAST_RETRY = new RetryPolicy(4, Duration.ofMillis(1), Duration.ofMillis(5),
            Duration.ofSeconds(2));

    private final InMemoryJournal journal = new InMemoryJournal();

    static List<RolloutJob> jobs(String prompt, int n) {
        Candidate c = Candidate.of(0, Map.of("prompt", prompt), List.of(), "seed");
        List<RolloutJob> jobs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            jobs.add(new RolloutJob(c, new DatasetRow(new ExampleRef(Split.TRAIN, i, "train:" + i), "{}", null)));
        }
        return jobs;
    }

    private RolloutQueue queue(ScriptedContainer container, RolloutBudget budget, CacheMode mode, int concurrency) {
        return new RolloutQueue(List.of(container), journal, budget, mode, POLICY, "run-1", Duration.ofSeconds(5),
                FAST_RETRY, ConcurrencyLimits.fixed(concurrency), new SplittableRandom(1));
    }

    @Test
    void returnsResultsInJobOrderAndSpendsOneBudgetUnitPerContainerCall() {
        ScriptedContainer container = new ScriptedContainer("c", 2, r -> null);
        RolloutBudget budget = new RolloutBudget(100, 0);
        BatchResult batch = queue(container, budget, CacheMode.READWRITE, 8).run(Stage.SEED_TRAIN, jobs("p", 40));

        assertThat(batch.complete()).isTrue();
        for (int i = 0; i < 40; i++) {
            assertThat(batch.results().get(i).example().seed()).isEqualTo(i);
            assertThat(batch.results().get(i).reward()).isEqualTo(i % 2 == 0 ? 1.0 : 0.0);
        }
        assertThat(batch.executed()).isEqualTo(40);
        assertThat(container.answered.get()).isEqualTo(40);
        assertThat(budget.committed()).isEqualTo(40);
        assertThat(journal.rows).hasSize(40);
        assertThat(container.maxInFlight.get()).isLessThanOrEqualTo(8);
    }

    @Test
    void aRepeatedBatchIsServedFromTheRunsJournalWithoutCallingTheContainer() {
        ScriptedContainer container = ScriptedContainer.healthy("c");
        RolloutBudget budget = new RolloutBudget(100, 0);
        RolloutQueue queue = queue(container, budget, CacheMode.OFF, 4);
        queue.run(Stage.SEED_TRAIN, jobs("p", 10));
        BatchResult again = queue.run(Stage.FULL_TRAIN, jobs("p", 10));

        assertThat(again.cached()).isEqualTo(10);
        assertThat(again.results()).allMatch(RolloutResult::cached);
        assertThat(container.answered.get()).isEqualTo(10);
        assertThat(budget.committed()).isEqualTo(10);
        assertThat(queue.counters().cached()).isEqualTo(10);
    }

    @Test
    void offModeIgnoresOtherRunsButReadwriteUsesThem() {
        for (RolloutJob job : jobs("shared", 3)) {
            String key = RolloutCacheKey.of(job.candidate().components(), job.row().ref().exampleId(), Split.TRAIN,
                    POLICY);
            journal.otherRuns.put(key, new RolloutResult("old", job.candidate().id(), job.row().ref(),
                    RolloutStatus.OK, 1, "old", null, "{}", null, 5, 1, "c", false, null));
        }
        ScriptedContainer container = ScriptedContainer.healthy("c");
        BatchResult off = queue(container, RolloutBudget.unlimited(), CacheMode.OFF, 2).run(Stage.ADHOC,
                jobs("shared", 3));
        assertThat(off.executed()).isEqualTo(3);

        InMemoryJournal fresh = new InMemoryJournal();
        fresh.otherRuns.putAll(journal.otherRuns);
        ScriptedContainer second = ScriptedContainer.healthy("c2");
        RolloutQueue rw = new RolloutQueue(List.of(second), fresh, RolloutBudget.unlimited(), CacheMode.READWRITE,
                POLICY, "run-2", Duration.ofSeconds(5), FAST_RETRY, ConcurrencyLimits.fixed(2), new SplittableRandom(1));
        BatchResult hits = rw.run(Stage.ADHOC, jobs("shared", 3));
        assertThat(hits.cached()).isEqualTo(3);
        assertThat(second.requests.get()).isZero();
        assertThat(hits.results()).allMatch(r -> r.endpoint().equals("cache") && r.rolloutId().startsWith("ro_"));
    }

    @Test
    void readonlyModeFailsOnTheFirstMissWithAMessageSayingWhatToDo() {
        ScriptedContainer container = ScriptedContainer.healthy("c");
        assertThatThrownBy(() -> queue(container, RolloutBudget.unlimited(), CacheMode.READONLY, 1)
                .run(Stage.ADHOC, jobs("p", 3)))
                .isInstanceOf(CacheMissException.class)
                .hasMessageContaining("read-only").hasMessageMatching("(?s).*train:[012] .*")
                .hasMessageContaining("readwrite");
        assertThat(container.requests.get()).isZero();
    }

    @Test
    void retriableFailuresAreRetriedWithTheSameRolloutIdUntilTheyPass() {
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> r.row().ref().seed() == 3
                && requestsOf(r.rolloutId()) <= 2
                ? new RetriableContainerException("c", 503, "busy", null, null) : null);
        containerRef = container;
        RolloutBudget budget = new RolloutBudget(10, 0);
        RolloutQueue queue = queue(container, budget, CacheMode.READWRITE, 2);
        BatchResult batch = queue.run(Stage.ADHOC, jobs("p", 5));

        RolloutResult third = batch.results().get(3);
        assertThat(third.status()).isEqualTo(RolloutStatus.OK);
        assertThat(third.attempts()).isEqualTo(3);
        assertThat(container.requestsById.get(third.rolloutId()).get()).isEqualTo(3);
        assertThat(queue.counters().retried()).isEqualTo(2);
        assertThat(budget.committed()).isEqualTo(5);
    }

    private ScriptedContainer containerRef;

    private int requestsOf(String id) {
        return containerRef.requestsById.get(id).get();
    }

    @Test
    void aNonRetriableFailureIsNotRetriedIsJournaledAsErrorAndReleasesItsBudget() {
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> r.row().ref().seed() == 1
                ? NonRetriableContainerException.contractViolation("c", "no reward") : null);
        RolloutBudget budget = new RolloutBudget(10, 0);
        RolloutQueue queue = queue(container, budget, CacheMode.READWRITE, 1);
        BatchResult batch = queue.run(Stage.ADHOC, jobs("p", 3));

        RolloutResult bad = batch.results().get(1);
        assertThat(bad.status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(bad.attempts()).isEqualTo(1);
        assertThat(bad.error()).contains("no reward");
        assertThat(batch.complete()).isFalse();
        assertThat(budget.committed()).isEqualTo(2);
        assertThat(budget.remaining()).isEqualTo(8);
        assertThat(journal.rows).anyMatch(r -> r.status() == RolloutStatus.ERROR);
        assertThat(queue.counters().errors()).isEqualTo(1);

        assertThat(bad.error()).startsWith("not retriable: ");

        // an ERROR is never reused as a result, and a pair that failed for good is not sent again in the run
        BatchResult again = queue.run(Stage.ADHOC, jobs("p", 3));
        assertThat(container.requestsById.get(bad.rolloutId()).get()).isEqualTo(1);
        assertThat(again.results().get(1).status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(again.results().get(1).error()).startsWith("not sent again: it failed for good").contains("no reward");
        assertThat(journal.rows).filteredOn(r -> r.status() == RolloutStatus.ERROR).hasSize(1);
        assertThat(queue.counters().notResent()).isEqualTo(1);
    }

    @Test
    void aPairThatGaveUpAfterItsRetriesIsSentAgainAtMostResendFailedTimesPerRun() {
        ScriptedContainer container = new ScriptedContainer("c", 0,
                r -> new RetriableContainerException("c", 503, "down for good", null, null));
        RolloutBudget budget = new RolloutBudget(10, 0);
        RolloutQueue queue = new RolloutQueue(EndpointPool.of(List.of(container)), journal, budget,
                CacheMode.READWRITE, POLICY, "run-1", Duration.ofSeconds(5), FAST_RETRY, ConcurrencyLimits.fixed(1),
                new SplittableRandom(1), Duration.ZERO, 2);
        for (int batch = 0; batch < 5; batch++) {
            assertThat(queue.run(Stage.ADHOC, jobs("p", 1)).results().getFirst().status())
                    .isEqualTo(RolloutStatus.ERROR);
        }
        // the first time plus two resends, four attempts each; the last two batches got the journaled error back
        assertThat(container.requests.get()).isEqualTo(3 * 4);
        assertThat(journal.rows).hasSize(3);
        assertThat(queue.counters().notResent()).isEqualTo(2);
        assertThat(queue.counters().containerCalls()).isEqualTo(12);
        assertThat(budget.calls()).isEqualTo(12);
        assertThat(budget.committed()).isZero();
    }

    @Test
    void aCacheHitFromAnotherRunSpendsABudgetUnitButRereadingTheRunsOwnJournalDoesNot() {
        for (RolloutJob job : jobs("shared", 3)) {
            String key = RolloutCacheKey.of(job.candidate().components(), job.row().ref().exampleId(), Split.TRAIN,
                    POLICY);
            journal.otherRuns.put(key, new RolloutResult("old", job.candidate().id(), job.row().ref(),
                    RolloutStatus.OK, 1, "old", null, "{}", null, 5, 1, "c", false, null));
        }
        ScriptedContainer container = ScriptedContainer.healthy("c");
        RolloutBudget budget = new RolloutBudget(4, 0);
        RolloutQueue queue = queue(container, budget, CacheMode.READWRITE, 2);

        BatchResult first = queue.run(Stage.ADHOC, jobs("shared", 3));
        assertThat(first.cached()).isEqualTo(3);
        assertThat(budget.committed()).isEqualTo(3);
        BatchResult reread = queue.run(Stage.ADHOC, jobs("shared", 3));
        assertThat(reread.cached()).isEqualTo(3);
        assertThat(budget.committed()).as("the run's own journal is free").isEqualTo(3);
        BatchResult more = queue.run(Stage.ADHOC, jobs("shared", 5));
        assertThat(more.budgetExhausted()).isTrue();
        assertThat(more.results().stream().filter(java.util.Objects::nonNull).count()).isEqualTo(4);
        assertThat(budget.committed()).isEqualTo(4);
        assertThat(container.requests.get()).as("only example 3 needed the container").isEqualTo(1);
        assertThat(budget.calls()).isEqualTo(1);
    }

    @Test
    void theContainerCallCapCountsRetriesAndStopsDispatchOnceReached() {
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> r.row().ref().seed() == 0
                && containerRefRequests(r) <= 2 ? new RetriableContainerException("c", 503, "busy", null, null) : null);
        containerRef = container;
        RolloutBudget budget = new RolloutBudget(100, 0, 5, 0);
        BatchResult batch = queue(container, budget, CacheMode.READWRITE, 1).run(Stage.ADHOC, jobs("p", 6));

        // example 0 took three calls (two 503s and a success), examples 1 and 2 one each: five calls, then the cap
        assertThat(container.requests.get()).isEqualTo(5);
        assertThat(budget.calls()).isEqualTo(5);
        assertThat(budget.callCapReached()).isTrue();
        assertThat(batch.budgetExhausted()).isTrue();
        assertThat(batch.results().subList(0, 3)).allMatch(r -> r != null && r.measured());
        assertThat(batch.results().subList(3, 6)).containsOnlyNulls();
        assertThat(budget.committed()).isEqualTo(3);
    }

    private int containerRefRequests(dev.gepa4j.core.container.RolloutRequest r) {
        return containerRef.requestsById.get(r.rolloutId()).get();
    }

    @Test
    void anUnreachableContainerIsWaitedOutForTheReconnectWindowBeyondTheRetryAttempts() {
        long[] downUntil = {System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(400)};
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> System.nanoTime() < downUntil[0]
                ? RetriableContainerException.unreachable("c", "connection refused", null) : null);
        RetryPolicy quick = new RetryPolicy(2, Duration.ofMillis(20), Duration.ofMillis(40), Duration.ofSeconds(1));
        RolloutBudget budget = new RolloutBudget(10, 0);
        RolloutQueue patient = new RolloutQueue(EndpointPool.of(List.of(container)), journal, budget,
                CacheMode.READWRITE, POLICY, "run-1", Duration.ofSeconds(5), quick, ConcurrencyLimits.fixed(1),
                new SplittableRandom(1), Duration.ofSeconds(60), 0);

        RolloutResult r = patient.run(Stage.ADHOC, jobs("p", 1)).results().getFirst();

        assertThat(r.status()).isEqualTo(RolloutStatus.OK);
        assertThat(r.attempts()).as("more than the policy's 2 attempts").isGreaterThan(2);
        assertThat(container.requests.get()).isEqualTo(r.attempts());

        // without a window, the same outage ends the rollout after the policy's attempts
        downUntil[0] = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        InMemoryJournal other = new InMemoryJournal();
        RolloutQueue impatient = new RolloutQueue(EndpointPool.of(List.of(container)), other, budget,
                CacheMode.READWRITE, POLICY, "run-2", Duration.ofSeconds(5), quick, ConcurrencyLimits.fixed(1),
                new SplittableRandom(1), Duration.ZERO, 0);
        RolloutResult gaveUp = impatient.run(Stage.ADHOC, jobs("p", 1)).results().getFirst();
        assertThat(gaveUp.status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(gaveUp.attempts()).isEqualTo(2);
        assertThat(gaveUp.error()).startsWith("gave up after 2 attempt(s)").contains("connection refused");
    }

    @Test
    void retriesStopAfterMaxAttemptsAndTheRolloutComesBackAsError() {
        ScriptedContainer container = new ScriptedContainer("c", 0,
                r -> new RetriableContainerException("c", 0, "connection refused", null, null));
        RolloutBudget budget = new RolloutBudget(10, 0);
        BatchResult batch = queue(container, budget, CacheMode.READWRITE, 1).run(Stage.ADHOC, jobs("p", 1));

        assertThat(batch.results().getFirst().status()).isEqualTo(RolloutStatus.ERROR);
        assertThat(batch.results().getFirst().attempts()).isEqualTo(4);
        assertThat(container.requests.get()).isEqualTo(4);
        assertThat(budget.committed()).isZero();
        assertThat(budget.remaining()).isEqualTo(10);
    }

    @Test
    void theBudgetIsNeverOverspentHoweverManyJobsRunInParallel() {
        ScriptedContainer container = new ScriptedContainer("c", 3, r -> null);
        RolloutBudget budget = new RolloutBudget(7, 0);
        BatchResult batch = queue(container, budget, CacheMode.READWRITE, 16).run(Stage.ADHOC, jobs("p", 30));

        assertThat(container.requests.get()).isEqualTo(7);
        assertThat(budget.committed()).isEqualTo(7);
        assertThat(batch.budgetExhausted()).isTrue();
        assertThat(batch.results().stream().filter(Objects::nonNull).count()).isEqualTo(7);
    }

    @Test
    void aSlowJournalCommitDoesNotHoldTheContainerSlot() throws Exception {
        // two container slots, and every commit blocks until the container has served all four calls: if a job kept
        // its slot until its result was journaled, the third call could never start and the commits would time out
        CountDownLatch fourCalls = new CountDownLatch(4);
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> {
            fourCalls.countDown();
            return null;
        });
        RolloutJournal slowCommits = new InMemoryJournal() {
            @Override
            public void append(Stage stage, String cacheKey, RolloutResult result) {
                try {
                    assertThat(fourCalls.await(5, TimeUnit.SECONDS)).as("all calls served during a commit").isTrue();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                super.append(stage, cacheKey, result);
            }
        };
        RolloutQueue queue = new RolloutQueue(List.of(container), slowCommits, RolloutBudget.unlimited(),
                CacheMode.READWRITE, POLICY, "run-1", Duration.ofSeconds(5), FAST_RETRY, ConcurrencyLimits.fixed(2),
                new SplittableRandom(1));

        BatchResult batch = queue.run(Stage.ADHOC, jobs("p", 4));

        assertThat(batch.complete()).isTrue();
        assertThat(batch.executed()).isEqualTo(4);
        assertThat(container.maxInFlight.get()).isLessThanOrEqualTo(2);
    }

    @Test
    void aLimitOfOneRunsJobsOneAfterAnotherInJobOrder() {
        ScriptedContainer container = ScriptedContainer.healthy("c");
        queue(container, RolloutBudget.unlimited(), CacheMode.READWRITE, 1).run(Stage.ADHOC, jobs("p", 30));

        assertThat(journal.rows).extracting(r -> r.example().seed())
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, 30).boxed().toList());
    }

    @Test
    void anEarlyStopSkipsJobsNotYetDispatched() {
        ScriptedContainer container = ScriptedContainer.healthy("c");
        EarlyStop afterThree = partial -> partial.stream().filter(Objects::nonNull).count() >= 3;
        BatchResult batch = queue(container, RolloutBudget.unlimited(), CacheMode.READWRITE, 1)
                .run(Stage.CHILD_MINIBATCH, jobs("p", 10), afterThree);

        assertThat(container.requests.get()).isEqualTo(3);
        assertThat(batch.results().subList(0, 3)).doesNotContainNull();
        assertThat(batch.results().subList(3, 10)).containsOnlyNulls();
    }

    @Test
    void twoJobsWithTheSameCacheKeyInOneBatchCallTheContainerOnce() {
        ScriptedContainer container = new ScriptedContainer("c", 20, r -> null);
        List<RolloutJob> twice = new ArrayList<>(jobs("p", 1));
        twice.addAll(jobs("p", 1));
        BatchResult batch = queue(container, RolloutBudget.unlimited(), CacheMode.READWRITE, 4).run(Stage.ADHOC, twice);

        assertThat(container.requests.get()).isEqualTo(1);
        assertThat(batch.results()).doesNotContainNull();
        assertThat(batch.executed() + batch.cached()).isEqualTo(2);
    }

    @Test
    void aContainerThatIgnoresTheTimeoutIsCutOffByTheWatchdogAndRetried() {
        ScriptedContainer container = new ScriptedContainer("c", 0, r -> {
            if (containerRef.requestsById.get(r.rolloutId()).get() == 1) {
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    throw new IllegalStateException("interrupted in the hanging call", e);
                }
            }
            return null;
        });
        containerRef = container;
        RolloutQueue queue = new RolloutQueue(List.of(container), journal, RolloutBudget.unlimited(),
                CacheMode.READWRITE, POLICY, "run-1", Duration.ofMillis(50), FAST_RETRY, ConcurrencyLimits.fixed(1),
                new SplittableRandom(1));
        BatchResult batch = queue.run(Stage.ADHOC, jobs("p", 1));

        assertThat(batch.results().getFirst().status()).isEqualTo(RolloutStatus.OK);
        assertThat(batch.results().getFirst().attempts()).isEqualTo(2);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    void rolloutIdsDependOnlyOnRunAndCacheKey() {
        assertThat(RolloutQueue.rolloutId("run-1", "abc")).isEqualTo(RolloutQueue.rolloutId("run-1", "abc"))
                .isNotEqualTo(RolloutQueue.rolloutId("run-2", "abc")).startsWith("ro_").hasSize(27);
    }
}
