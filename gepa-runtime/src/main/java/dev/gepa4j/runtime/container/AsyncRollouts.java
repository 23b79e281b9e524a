package dev.gepa4j.runtime.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.gepa4j.contract.AsyncRecords;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.core.container.ContainerException;
import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Async rollouts for {@link HttpTaskContainer}: {@code POST /rollout} with {@code submission_mode: "async"} answers
 * 202 and a queued record naming the rollout; its id is stored ({@link SubmittedRollouts}) before the first poll;
 * {@code GET /rollouts/{id}} is polled every {@link RolloutSubmission#pollInterval()} ({@link AsyncPoller}: no
 * thread per rollout between polls) until the record is completed, failed or cancelled, or the request's timeout
 * passes; then {@code POST /rollouts/{id}/terminate} is sent and the attempt fails as retriable.
 *
 * <p>A rollout whose id is already held (a resumed run) is polled, not submitted again; when the container no longer
 * knows it (404) or cancelled it, it is submitted afresh. The calling thread waits for the outcome, so the caller's
 * concurrency slot stays taken from submission to result. Failures of one poll that a retry could mend (a timeout, a
 * 5xx, a refused connection) do not end the rollout: the next poll tries again, until the deadline.
 */
final class AsyncRollouts {
    /** What a poll gives for a rollout the container cancelled or does not know. */
    private static final JsonNode GONE = MissingNode.getInstance();
    private static final Duration TERMINATE_TIMEOUT = Duration.ofSeconds(5);

    private final HttpTaskContainer client;
    private final ContainerHttp http;
    private final RolloutSubmission settings;
    private final Set<String> outstanding = ConcurrentHashMap.newKeySet();
    private volatile SubmittedRollouts store = SubmittedRollouts.inMemory();

    AsyncRollouts(HttpTaskContainer client, ContainerHttp http, RolloutSubmission settings) {
        this.client = client;
        this.http = http;
        this.settings = settings;
    }

    void useStore(SubmittedRollouts s) {
        this.store = java.util.Objects.requireNonNull(s, "store");
    }

    /**
     * The terminal record's result for {@code request}, submitted at {@code route} with {@code body} unless its
     * submission is already held.
     *
     * @throws ContainerException as a sync rollout does; retriable on timeout and cancellation
     */
    RolloutResponseDoc run(RolloutRequest request, String route, byte[] body) {
        long deadline = System.nanoTime() + request.timeout().toNanos();
        String endpoint = client.endpoint();
        Optional<String> held = store.find(request.rolloutId(), endpoint);
        if (held.isPresent()) {
            JsonNode record = await(request, held.get(), Duration.ZERO, deadline);
            if (record != GONE) {
                return result(held.get(), record, request);
            }
            store.forget(request.rolloutId(), endpoint);
        }
        ContainerHttp.Answer answer = client.exchange(route, settings.exchangeTimeout(), exchangeHint(),
                () -> http.postJson(client.uri(route), body, settings.exchangeTimeout()));
        JsonNode queued = client.parseTree(route, answer.body());
        if (answer.status() != 202 && !AsyncRecords.waiting(queued)) {
            return result(route, queued, request); // the container ran it at once
        }
        String id = AsyncRecords.rolloutId(queued);
        if (id == null) {
            throw client.violation(route, "answered HTTP " + answer.status() + " (status '"
                    + AsyncRecords.status(queued) + "') without a rollout_id: a queued rollout must name its id in "
                    + "rollout_id, so it can be polled at GET /rollouts/{id}", null);
        }
        store.remember(request.rolloutId(), endpoint, id);
        JsonNode record = await(request, id, settings.pollInterval(), deadline);
        if (record == GONE) {
            store.forget(request.rolloutId(), endpoint);
            throw new RetriableContainerException(endpoint, 0, "async rollout " + request.rolloutId()
                    + " (container id " + id + ") was cancelled by the container, or it forgot it, before it "
                    + "finished: it will be submitted again", null, null);
        }
        return result(id, record, request);
    }

    /** Asks the container to stop every rollout this client submitted and still waits for (best effort). */
    void terminateOutstanding() {
        for (String id : List.copyOf(outstanding)) {
            terminate(id);
        }
    }

    private JsonNode await(RolloutRequest request, String id, Duration firstDelay, long deadline) {
        String pollRoute = "/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
        AtomicReference<ContainerException> lastTransient = new AtomicReference<>();
        outstanding.add(id);
        CompletableFuture<JsonNode> done = AsyncPoller.poll(() -> pollOnce(pollRoute, lastTransient), firstDelay,
                settings.pollInterval(), deadline);
        try {
            return done.get();
        } catch (InterruptedException e) {
            done.cancel(false);
            Thread.interrupted(); // clear it for the terminate exchange, then set it again for the caller
            terminate(id);
            store.forget(request.rolloutId(), client.endpoint());
            Thread.currentThread().interrupt();
            throw new RetriableContainerException(client.endpoint(), 0, "interrupted while waiting for async rollout "
                    + request.rolloutId() + " (container id " + id + "); asked the container to terminate it", null, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof TimeoutException) {
                terminate(id);
                store.forget(request.rolloutId(), client.endpoint());
                ContainerException last = lastTransient.get();
                throw new RetriableContainerException(client.endpoint(), 0, "async rollout " + request.rolloutId()
                        + " (container id " + id + ") did not finish within " + request.timeout().toSeconds()
                        + " s: asked the container to terminate it (POST " + pollRoute + "/terminate); it is retried. "
                        + "Raise [container] async_timeout_seconds if rollouts need longer"
                        + (last == null ? "" : "; the last poll failed: " + last.getMessage()), null, null);
            }
            store.forget(request.rolloutId(), client.endpoint());
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("polling async rollout " + id + " failed", cause);
        } finally {
            outstanding.remove(id);
        }
    }

    /** One poll: the terminal record, {@link #GONE}, or empty to poll again. */
    private Optional<JsonNode> pollOnce(String route, AtomicReference<ContainerException> lastTransient) {
        ContainerHttp.Answer answer;
        try {
            answer = client.exchange(route, settings.exchangeTimeout(), exchangeHint(),
                    () -> http.get(client.uri(route), settings.exchangeTimeout()));
        } catch (RetriableContainerException transientFailure) {
            lastTransient.set(transientFailure);
            return Optional.empty();
        } catch (NonRetriableContainerException e) {
            if (e.httpStatus() == 404) {
                return Optional.of(GONE);
            }
            throw e;
        }
        JsonNode record = client.parseTree(route, answer.body());
        if (AsyncRecords.waiting(record)) {
            return Optional.empty();
        }
        if (AsyncRecords.cancelled(record)) {
            return Optional.of(GONE);
        }
        if (AsyncRecords.status(record).isEmpty()) {
            throw client.violation(route, "answered a rollout record without a status: give every record a status "
                    + "(queued, running, completed, failed or cancelled)", null);
        }
        return Optional.of(record);
    }

    private void terminate(String id) {
        String route = "/rollouts/" + URLEncoder.encode(id, StandardCharsets.UTF_8) + "/terminate";
        try {
            http.postJson(client.uri(route), "{}".getBytes(StandardCharsets.UTF_8), TERMINATE_TIMEOUT);
        } catch (java.io.IOException | RuntimeException ignored) {
            // best effort: a container that cannot be told still ends the rollout on its own deadline
        }
    }

    private RolloutResponseDoc result(String where, JsonNode record, RolloutRequest request) {
        try {
            return AsyncRecords.result(record, request.rolloutId());
        } catch (ContractViolationException e) {
            throw client.violation(where.startsWith("/") ? where : "/rollouts/" + where, e.getMessage(), e);
        }
    }

    private String exchangeHint() {
        return "raise [container] timeout_seconds (the deadline of each async submission and poll)";
    }
}
