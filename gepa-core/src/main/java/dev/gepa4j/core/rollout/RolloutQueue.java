package dev.gepa4j.core.rollout;

import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The {@link RolloutRunner}: fans a batch out over virtual threads to a pool of container endpoints, under an
 * adaptive concurrency limit and a hard budget, answering from the run's journal and the shared cache first.
 *
 * <p>Two bounds: the adaptive concurrency limit counts container calls in flight, and nothing else, so a job's cache
 * lookups and journal commit never hold a container slot; a dispatch window of {@link #dispatchWindow} jobs per
 * queue bounds how many jobs are past dispatch at once (looking up, waiting for a slot, calling, committing), so the
 * next jobs are already looked up when a slot frees and the container never idles behind the runtime's own work.
 *
 * <p>Per job, in this order: (1) the run's own journal (always, so a resumed run repeats no finished rollout; free,
 * since the result was counted when the run took it); (2) the shared cache unless the mode is OFF: a hit reserves one
 * budget unit, is journaled into this run as a cached row and commits the unit (in READONLY mode a miss throws
 * {@link CacheMissException}); (3) the pair's earlier errors in this process of the run: a pair that failed for good
 * (not retriable) is not sent again, nor is one that already gave up more than {@code resendFailed} times; its last
 * error comes back instead, unjournaled (a resumed run, usually started after the container was fixed, tries again);
 * (4) one budget unit is reserved, the container is called (retrying
 * retriable failures with jittered backoff, same rollout id every attempt, each attempt one container call), the
 * result is appended to the journal and only then the unit is committed and the result counted. A job that ends in
 * ERROR is journaled (never reused as a result) and its unit released. A job with the same cache key as one in
 * flight waits for it instead of calling the container twice. See {@link RolloutBudget} for what counts.
 *
 * <p>Rollout ids are derived from the run id and the cache key, so the attempt a resumed run makes for a rollout
 * that was in flight at the crash carries the same id, and an idempotent container can answer it from memory.
 *
 * <p>Thread-safe: several batches may run at once (overlapped mode); they share the limit and the budget.
 */
public final class RolloutQueue implements RolloutRunner {
    private final RolloutJournal journal;
    private final RolloutBudget budget;
    private final CacheMode cacheMode;
    private final PolicySpec policy;
    private final String runId;
    private final Duration rolloutTimeout;
    private final AdaptiveConcurrency concurrency;
    private final RolloutAttempts attempts;
    private final ConcurrentHashMap<String, CompletableFuture<RolloutResult>> inFlight = new ConcurrentHashMap<>();
    private final AtomicLong executed = new AtomicLong();
    private final AtomicLong cached = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicLong notResent = new AtomicLong();
    private final Semaphore dispatched;
    private final int resendFailed;

    /** How long a rollout keeps retrying a container it cannot reach at all, unless told otherwise: 30 s. */
    public static final Duration DEFAULT_RECONNECT_WINDOW = Duration.ofSeconds(30);
    /** How many more times a pair that gave up after its retries is sent in one run, unless told otherwise. */
    public static final int DEFAULT_RESEND_FAILED = 1;

    /**
     * @param endpoints      the containers serving this run
     * @param journal        where finished rollouts go (usually the run's recorder); also the cache
     * @param budget         the rollouts the run may use and the optional cap on container calls
     * @param cacheMode      how the shared cache is used
     * @param policy         sent with every request; part of the cache key
     * @param runId          sent with every request; seeds the rollout ids
     * @param rolloutTimeout how long one attempt may take
     * @param retry          retries of retriable failures
     * @param concurrency    bounds of the adaptive concurrency limit
     * @param jitter         seeded randomness for backoff jitter (used under a lock, need not be thread-safe)
     * @param reconnectWindow how long a rollout keeps retrying while its container cannot be reached at all
     * @param resendFailed   how many more times in this run a pair whose rollout gave up after its retries is sent
     */
    public RolloutQueue(EndpointPool endpoints, RolloutJournal journal, RolloutBudget budget, CacheMode cacheMode,
                        PolicySpec policy, String runId, Duration rolloutTimeout, RetryPolicy retry,
                        ConcurrencyLimits concurrency, RandomGenerator jitter, Duration reconnectWindow,
                        int resendFailed) {
        Objects.requireNonNull(endpoints, "endpoints");
        if (reconnectWindow.isNegative() || resendFailed < 0) {
            throw new IllegalArgumentException("the reconnect window and resendFailed must not be negative, were "
                    + reconnectWindow + " and " + resendFailed);
        }
        this.resendFailed = resendFailed;
        this.journal = Objects.requireNonNull(journal, "journal");
        this.budget = Objects.requireNonNull(budget, "budget");
        this.cacheMode = Objects.requireNonNull(cacheMode, "cacheMode");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.runId = Objects.requireNonNull(runId, "runId");
        if (rolloutTimeout.isNegative() || rolloutTimeout.isZero()) {
            throw new IllegalArgumentException("the per-rollout timeout must be positive, was " + rolloutTimeout);
        }
        this.rolloutTimeout = rolloutTimeout;
        Objects.requireNonNull(retry, "retry");
        this.concurrency = new AdaptiveConcurrency(concurrency);
        this.dispatched = new Semaphore(dispatchWindow(concurrency));
        this.attempts = new RolloutAttempts(endpoints, retry, reconnectWindow, budget, this.concurrency,
                Objects.requireNonNull(jitter, "jitter"));
    }

    /** A queue with the default reconnect window and resend limit. */
    public RolloutQueue(EndpointPool endpoints, RolloutJournal journal, RolloutBudget budget, CacheMode cacheMode,
                        PolicySpec policy, String runId, Duration rolloutTimeout, RetryPolicy retry,
                        ConcurrencyLimits concurrency, RandomGenerator jitter) {
        this(endpoints, journal, budget, cacheMode, policy, runId, rolloutTimeout, retry, concurrency, jitter,
                DEFAULT_RECONNECT_WINDOW, DEFAULT_RESEND_FAILED);
    }

    /** A queue over a plain list of endpoints with the default pool health settings. */
    public RolloutQueue(List<TaskContainer> endpoints, RolloutJournal journal, RolloutBudget budget,
                        CacheMode cacheMode, PolicySpec policy, String runId, Duration rolloutTimeout,
                        RetryPolicy retry, ConcurrencyLimits concurrency, RandomGenerator jitter) {
        this(EndpointPool.of(endpoints), journal, budget, cacheMode, policy, runId, rolloutTimeout, retry,
                concurrency, jitter);
    }

    @Override
    public BatchResult run(Stage stage, List<RolloutJob> jobs, EarlyStop earlyStop) {
        BatchProgress batch = new BatchProgress(jobs.size(), earlyStop);
        try (ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < jobs.size() && !batch.stopped(); i++) {
                try {
                    dispatched.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    batch.fail(new IllegalStateException("rollout batch interrupted while dispatching", e));
                    break;
                }
                if (batch.stopped()) {
                    dispatched.release();
                    break;
                }
                int index = i;
                RolloutJob job = jobs.get(i);
                workers.execute(() -> {
                    try {
                        batch.finished(index, runJob(stage, job, index, batch));
                    } catch (RuntimeException | Error e) {
                        batch.fail(e);
                    } finally {
                        dispatched.release();
                    }
                });
            }
        }
        return batch.result();
    }

    /**
     * Jobs one queue lets past dispatch at once: twice the most container calls it may have in flight (at least 8
     * more), so a full set of looked-up jobs waits behind the calls in flight. A limit of one call keeps one job: jobs
     * then run strictly one after another in job order, and a run that must repeat exactly journals them in that
     * order.
     */
    public static int dispatchWindow(ConcurrencyLimits limits) {
        return limits.max() == 1 ? 1 : Math.max(2 * limits.max(), limits.max() + 8);
    }

    @Override
    public RolloutBudget budget() {
        return budget;
    }

    /** What this queue has done so far. */
    public RolloutCounters counters() {
        return new RolloutCounters(executed.get(), cached.get(), failed.get(), errors.get(), attempts.retried(),
                concurrency.limit(), concurrency.inFlight(), budget.calls(), notResent.get());
    }

    /** The rollout id of a job in this run: stable across retries and across processes of the run. */
    public static String rolloutId(String runId, String cacheKey) {
        return "ro_" + dev.gepa4j.core.model.ContentHash.sha256Hex(runId + "\n" + cacheKey).substring(0, 24);
    }

    private RolloutResult runJob(Stage stage, RolloutJob job, int index, BatchProgress batch) {
        String key = RolloutCacheKey.of(job.candidate().components(), job.row().ref().exampleId(),
                job.row().ref().split(), policy);
        String id = rolloutId(runId, key);
        CompletableFuture<RolloutResult> mine = new CompletableFuture<>();
        CompletableFuture<RolloutResult> earlier = inFlight.putIfAbsent(key, mine);
        if (earlier != null) {
            return sameKeyAs(earlier, id, job);
        }
        try {
            RolloutResult result = lookUpOrExecute(stage, job, index, key, id, batch);
            mine.complete(result);
            return result;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            journal.settled(key); // before the key leaves inFlight: a later job of this queue may claim it anew
            inFlight.remove(key, mine);
        }
    }

    private RolloutResult sameKeyAs(CompletableFuture<RolloutResult> earlier, String id, RolloutJob job) {
        RolloutResult other;
        try {
            other = earlier.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
        if (other == null || !other.measured()) {
            return other;
        }
        cached.incrementAndGet();
        return other.asCacheHit(id, job.candidate().id());
    }

    private RolloutResult lookUpOrExecute(Stage stage, RolloutJob job, int index, String key, String id,
                                          BatchProgress batch) {
        Optional<RolloutResult> own = journal.findInRun(key);
        if (own.isPresent()) {
            cached.incrementAndGet();
            return own.get().asCacheHit(id, job.candidate().id());
        }
        if (cacheMode != CacheMode.OFF) {
            Optional<RolloutResult> shared = journal.findAnyRun(key);
            if (shared.isPresent()) {
                if (!budget.tryReserve()) {
                    batch.budgetExhausted();
                    return null;
                }
                RolloutResult hit = shared.get().asCacheHit(id, job.candidate().id());
                try {
                    journal.append(stage, key, hit);
                } catch (RuntimeException | Error e) {
                    budget.release();
                    throw e;
                }
                budget.commit();
                cached.incrementAndGet();
                return hit;
            }
            if (cacheMode == CacheMode.READONLY) {
                throw new CacheMissException(job.candidate().id(), job.row().ref().exampleId(),
                        job.row().ref().split().label());
            }
        }
        Optional<RolloutResult> earlierFailure = notSentAgain(key, id, job);
        if (earlierFailure.isPresent()) {
            notResent.incrementAndGet();
            return earlierFailure.get();
        }
        if (!budget.tryReserve()) {
            batch.budgetExhausted();
            return null;
        }
        Optional<RolloutResult> answered;
        try {
            answered = attempts.execute(new RolloutRequest(id, runId, job.candidate().id(),
                    job.candidate().components(), job.row(), policy, rolloutTimeout), batch.caller(index));
        } catch (RuntimeException | Error e) {
            budget.release();
            throw e;
        }
        if (answered.isEmpty()) {
            budget.release(); // the batch stopped, or the call cap was reached, before anything was sent
            return null;
        }
        RolloutResult result = answered.get();
        try {
            journal.append(stage, key, result);
        } finally {
            if (result.measured()) {
                budget.commit();
            } else {
                budget.release();
            }
        }
        if (result.measured()) {
            executed.incrementAndGet();
            if (result.status() == RolloutStatus.FAILED) {
                failed.incrementAndGet();
            }
        } else {
            errors.incrementAndGet();
        }
        return result;
    }

    /**
     * The pair's last error in this run, when the pair must not be sent again: it failed for good (not retriable), or
     * it already gave up after its retries more than {@code resendFailed} times. The answer is not journaled again.
     */
    private Optional<RolloutResult> notSentAgain(String key, String id, RolloutJob job) {
        List<RolloutResult> earlier = journal.errorsInRun(key);
        if (earlier.isEmpty()) {
            return Optional.empty();
        }
        boolean forGood = earlier.stream().anyMatch(RolloutQueue::failedForGood);
        if (!forGood && earlier.size() <= resendFailed) {
            return Optional.empty();
        }
        RolloutResult last = earlier.getLast();
        String why = forGood ? "it failed for good earlier in this run"
                : "it gave up " + earlier.size() + " time(s) in this run ([rollout] resend_failed = " + resendFailed + ")";
        return Optional.of(new RolloutResult(id, job.candidate().id(), last.example(), RolloutStatus.ERROR, 0, "",
                null, "{}", null, 0, 0, last.endpoint(), false, "not sent again: " + why + "; last error: "
                + last.error()));
    }

    /** True for an ERROR result that no retry could have helped (a contract violation, a refused request). */
    public static boolean failedForGood(RolloutResult r) {
        return !r.measured() && r.error() != null && r.error().startsWith(RolloutAttempts.NOT_RETRIABLE);
    }
}
