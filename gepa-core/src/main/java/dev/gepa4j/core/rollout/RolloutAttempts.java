package dev.gepa4j.core.rollout;

import dev.gepa4j.core.container.ContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;

/**
 * The attempts of one logical rollout for {@link RolloutQueue}: each attempt counts one container call against the
 * budget's call cap, takes a slot of the adaptive concurrency limit (given back as soon as the call returns, so a
 * retry's pause holds none), leases an endpoint from the pool, calls it under a deadline, reports the outcome to the
 * pool and to the adaptive concurrency limit, and retries retriable failures after a jittered pause (Retry-After
 * honoured). The rollout id stays the same on every attempt. Never throws for container failures: a failure for good
 * becomes a result with status ERROR, whose error text starts with {@link #NOT_RETRIABLE} when no retry could help.
 *
 * <p>Patience with an unreachable container: while attempts fail because no connection can be made at all (refused or
 * dropped, see {@link RetriableContainerException#isUnreachable()}), the rollout keeps retrying past the retry
 * policy's attempts until {@code reconnectWindow} has passed since the first such failure, so a container restart
 * shorter than the window costs time, not results.
 */
final class RolloutAttempts {
    /** How the error text of a rollout that failed for good without a retry being of any use begins. */
    static final String NOT_RETRIABLE = "not retriable: ";
    /** Extra time over the per-rollout timeout before giving up on a container client that ignores it. */
    private static final long TIMEOUT_GRACE_MS = 1_000;
    /** One timer thread for every queue of the process: it only interrupts calls that overran. */
    private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

    private final EndpointPool endpoints;
    private final RetryPolicy retry;
    private final Duration reconnectWindow;
    private final RolloutBudget budget;
    private final AdaptiveConcurrency concurrency;
    private final RandomGenerator jitter;
    private final AtomicLong retried = new AtomicLong();

    RolloutAttempts(EndpointPool endpoints, RetryPolicy retry, Duration reconnectWindow, RolloutBudget budget,
                    AdaptiveConcurrency concurrency, RandomGenerator jitter) {
        this.endpoints = endpoints;
        this.retry = retry;
        this.reconnectWindow = reconnectWindow;
        this.budget = budget;
        this.concurrency = concurrency;
        this.jitter = jitter;
    }

    /** Extra attempts made so far after retriable failures. */
    long retried() {
        return retried.get();
    }

    /** What the attempts of one rollout ask of, and tell, the batch the rollout belongs to. */
    interface Caller {
        /** Asked once the first attempt holds its slot; false: the batch no longer needs it, nothing is sent. */
        boolean wanted();

        /** The final answer (result or ERROR), told while the slot is still held, before it is journaled. */
        void answered(RolloutResult result);

        /** The cap on container calls stopped the first attempt: nothing was sent. */
        void callCapReached();
    }

    /**
     * Attempts the request until it yields a result, fails for good, or the attempts run out (then ERROR). Empty when
     * nothing was sent: the batch no longer wanted it, or the container call cap was reached.
     */
    Optional<RolloutResult> execute(RolloutRequest request, Caller caller) {
        ContainerException last = null;
        long firstUnreachableNanos = 0;
        for (int attempt = 1; ; attempt++) {
            if (attempt > 1) {
                retried.incrementAndGet();
                pause(attempt - 1, last);
            }
            acquireSlot(request);
            try {
                if (attempt == 1 && !caller.wanted()) {
                    return Optional.empty();
                }
                if (!budget.tryCall()) {
                    if (attempt == 1) {
                        caller.callCapReached();
                        return Optional.empty();
                    }
                    RolloutResult capped = error(request, attempt - 1, null, "the cap of " + budget.callCap()
                            + " container calls was reached; last failure: " + describe(last));
                    caller.answered(capped);
                    return Optional.of(capped);
                }
                Attempt outcome = attempt(request, attempt);
                RolloutResult result = outcome.result();
                if (outcome.failure() instanceof RetriableContainerException r && r.isUnreachable()) {
                    firstUnreachableNanos = firstUnreachableNanos == 0 ? System.nanoTime() : firstUnreachableNanos;
                }
                if (result == null && attempt >= retry.maxAttempts() && !waitingOutRestart(outcome, firstUnreachableNanos)) {
                    result = error(request, attempt, outcome.endpoint(), "gave up after " + attempt
                            + " attempt(s): " + describe(outcome.failure()));
                }
                if (result != null) {
                    caller.answered(result);
                    return Optional.of(result);
                }
                last = outcome.failure();
            } finally {
                concurrency.release();
            }
        }
    }

    /** True while an unreachable container is still within its reconnect window. */
    private boolean waitingOutRestart(Attempt outcome, long firstUnreachableNanos) {
        return outcome.failure() instanceof RetriableContainerException r && r.isUnreachable()
                && System.nanoTime() - firstUnreachableNanos < reconnectWindow.toNanos();
    }

    /** One attempt's end: a result (success or failure for good), or a retriable failure to try again after. */
    private record Attempt(RolloutResult result, ContainerException failure, String endpoint) {
    }

    private void acquireSlot(RolloutRequest request) {
        try {
            concurrency.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rollout " + request.rolloutId()
                    + " waited for a container slot", e);
        }
    }

    private Attempt attempt(RolloutRequest request, int attempt) {
        EndpointPool.Lease lease = endpoints.lease();
        String endpoint = lease.container().endpoint();
        try {
            RolloutResult answer = callWithDeadline(lease.container(), request);
            lease.succeeded();
            concurrency.onSuccess();
            return new Attempt(withAttempts(answer, request, attempt), null, endpoint);
        } catch (ContainerException e) {
            boolean endpointFault = e.httpStatus() == 0 || e.httpStatus() >= 500;
            lease.failed(e.retriable() && endpointFault);
            if (e.signalsOverload()) {
                concurrency.onOverload();
            }
            if (!e.retriable()) {
                return new Attempt(notRetriable(request, attempt, endpoint, e), e, endpoint);
            }
            return new Attempt(null, e, endpoint);
        } catch (RuntimeException e) {
            // a container implementation broke its contract by throwing something else: not worth retrying
            lease.failed(false);
            return new Attempt(notRetriable(request, attempt, endpoint, e), null, endpoint);
        }
    }

    /**
     * Calls the container on this thread under a watchdog: if the call outlives the timeout (plus a grace period
     * for clients that enforce it themselves), the watchdog interrupts this thread, which ends blocking socket
     * I/O and sleeps of a virtual thread. No extra thread per call, so the happy path costs a timer entry only.
     */
    private RolloutResult callWithDeadline(TaskContainer container, RolloutRequest request) {
        long waitMs = request.timeout().toMillis() + TIMEOUT_GRACE_MS;
        Thread worker = Thread.currentThread();
        AtomicBoolean settled = new AtomicBoolean();
        ScheduledFuture<?> alarm = WATCHDOG.schedule(() -> {
            if (settled.compareAndSet(false, true)) {
                worker.interrupt();
            }
        }, waitMs, TimeUnit.MILLISECONDS);
        RolloutResult answer = null;
        RuntimeException failure = null;
        try {
            answer = container.rollout(request);
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean alarmRang = !settled.compareAndSet(false, true);
        alarm.cancel(false);
        if (alarmRang) {
            Thread.interrupted(); // the interrupt was meant for the call, not for whoever runs this thread next
            if (answer == null) {
                throw new RetriableContainerException(container.endpoint(), 0, "rollout " + request.rolloutId()
                        + " on " + container.endpoint() + " did not answer within " + waitMs + " ms", null, failure);
            }
        }
        if (failure != null) {
            throw failure;
        }
        return answer;
    }

    private static ScheduledThreadPoolExecutor watchdog() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("gepa-rollout-watchdog").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private void pause(int failedAttempt, ContainerException last) {
        Duration delay;
        synchronized (jitter) {
            delay = retry.delayAfter(failedAttempt, last == null ? Optional.empty() : last.retryAfter(), jitter);
        }
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static RolloutResult withAttempts(RolloutResult r, RolloutRequest request, int attempt) {
        return new RolloutResult(request.rolloutId(), request.candidateId(), request.row().ref(), r.status(),
                r.reward(), r.output(), r.verifier(), r.traceJson(), r.usage(), r.latencyMs(), attempt, r.endpoint(),
                false, r.error());
    }

    private static String describe(Exception cause) {
        return cause == null ? "no attempt was made" : cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static RolloutResult notRetriable(RolloutRequest request, int attempt, String endpoint, Exception e) {
        return error(request, attempt, endpoint, NOT_RETRIABLE + "gave up after " + attempt + " attempt(s): "
                + describe(e));
    }

    private static RolloutResult error(RolloutRequest request, int attempts, String endpoint, String why) {
        return new RolloutResult(request.rolloutId(), request.candidateId(), request.row().ref(), RolloutStatus.ERROR,
                0, "", VerifierResult.NONE, "{}", Usage.ZERO, 0, attempts, endpoint, false, why);
    }}
