package dev.gepa4j.testkit.faults;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A task container on 127.0.0.1 that serves {@code GET /health} and {@code POST /rollout} (contract shape: reward in
 * {@code reward_info.outcome_reward}), with faults from a {@link FaultSchedule} and latency from a
 * {@link LatencyModel}. The reward is 1 for even seeds and 0 for odd ones; seeds divisible by 10 fail inside the
 * container (status failed), as real examples sometimes do.
 *
 * <p>It is idempotent by {@code rollout_id}, like a conformant container: a repeated id is answered from memory
 * and not executed again, and the memory survives {@link #restart()}. It counts, on its own side, every execution
 * ({@link #executed()}) and executions per rollout id ({@link #executionsOf}), plus injected faults per kind.
 * Faults replace execution: a request answered with a fault did not execute.
 *
 * <p>Because a repeated id is answered from memory, executions alone cannot show a client asking twice for a rollout
 * it already has; so every request is also counted per id on arrival, before the memory answers ({@link #requestsOf},
 * {@link #answersOf}), and logged with its time and the calls in flight ({@link #arrivals()}).
 *
 * <p>An answer whose write fails is counted apart ({@link #unconfirmedAnswersOf}): Jetty can report a write as failed
 * after its last byte left, when a stop or a hang-up closes the connection before it has finished the response, so
 * the client may hold that answer whole or may not have it at all. No server-side count can tell the two apart.
 */
public final class FaultyContainer implements AutoCloseable {
    private static final Pattern ROLLOUT_ID = Pattern.compile("\"rollout_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEED = Pattern.compile("\"seed\"\\s*:\\s*(\\d+)");

    private final FaultSchedule faults;
    private final LatencyModel latency;
    private final long hangMillis;
    private final AtomicLong arrivals = new AtomicLong();
    private final AtomicLong executed = new AtomicLong();
    private final Map<String, AtomicInteger> executionsById = new ConcurrentHashMap<>();
    private final Map<String, byte[]> answered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> requestsById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> answersById = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> unconfirmedAnswersById = new ConcurrentHashMap<>();
    private final java.util.Queue<Arrival> arrivalLog = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final java.util.Set<String> cutByStop = ConcurrentHashMap.newKeySet();
    /** Incremented when a stop begins and when it ends: odd while stopping. */
    private final AtomicLong stopEdges = new AtomicLong();
    private final Map<Fault, AtomicLong> injected = new ConcurrentHashMap<>();
    private volatile Javalin app;
    private volatile int port;

    private FaultyContainer(FaultSchedule faults, LatencyModel latency, long hangMillis, int port) {
        this.faults = faults;
        this.latency = latency;
        this.hangMillis = hangMillis;
        this.port = port;
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicLong());
        }
    }

    /**
     * Starts a container.
     *
     * @param port       0 for a free port
     * @param hangMillis how long a {@link Fault#HANG} holds its request (make it longer than the client timeout)
     */
    public static FaultyContainer start(FaultSchedule faults, LatencyModel latency, long hangMillis, int port) {
        FaultyContainer c = new FaultyContainer(faults, latency, hangMillis, port);
        c.listen();
        return c;
    }

    /** A well-behaved container with the given latency. */
    public static FaultyContainer start(LatencyModel latency) {
        return start(FaultSchedule.NONE, latency, 0, 0);
    }

    private synchronized void listen() {
        Javalin server = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", ctx -> ctx.contentType("application/json").result("{\"status\":\"ok\"}"));
            cfg.routes.post("/rollout", this::rollout);
        });
        try {
            server.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            throw new IllegalStateException("the faulty container cannot listen on 127.0.0.1:" + port + " ("
                    + e.getMessage() + "): pick another port or 0", e);
        }
        port = server.port();
        app = server;
    }

    /**
     * Counts the request in flight until its answer is ready to go out (or the handler ends): an answer written inside
     * the handler must not keep its request counted once the client may hold it, or a client that sends its next call
     * the moment it has an answer would be seen with one call more in flight than it ever had.
     */
    private void rollout(Context ctx) {
        java.util.concurrent.atomic.AtomicBoolean counted = new java.util.concurrent.atomic.AtomicBoolean(true);
        Runnable leave = () -> {
            if (counted.compareAndSet(true, false)) {
                inFlight.decrementAndGet();
            }
        };
        inFlight.incrementAndGet();
        try {
            handleRollout(ctx, leave);
        } finally {
            leave.run();
        }
    }

    private void handleRollout(Context ctx, Runnable leave) {
        long edgesAtArrival = stopEdges.get();
        long arrival = arrivals.incrementAndGet();
        long at = System.nanoTime();
        String body = ctx.body();
        String rolloutId = group(ROLLOUT_ID, body, null);
        if (rolloutId == null) {
            ctx.status(400).contentType("application/json").result("{\"error\":\"rollout_id is missing\"}");
            return;
        }
        requestsById.computeIfAbsent(rolloutId, k -> new AtomicInteger()).incrementAndGet();
        Fault fault = faults.forRequest(arrival);
        injected.get(fault).incrementAndGet();
        Arrival seen = new Arrival(arrival, rolloutId, at, fault, inFlight.get());
        arrivalLog.add(seen);
        try {
            respond(ctx, fault, arrival, rolloutId, body, leave);
        } finally {
            long edgesNow = stopEdges.get();
            if (edgesNow != edgesAtArrival || edgesNow % 2 == 1) {
                cutByStop.add(rolloutId);
            }
        }
    }

    private void respond(Context ctx, Fault fault, long arrival, String rolloutId, String body, Runnable leave) {
        switch (fault) {
            case UNAVAILABLE -> ctx.status(503).contentType("application/json")
                    .result("{\"error\":\"injected 503: try again\"}");
            case TOO_MANY_REQUESTS -> ctx.status(429).header("Retry-After", "1").contentType("application/json")
                    .result("{\"error\":\"injected 429: slow down\"}");
            case HANG -> {
                LockSupport.parkNanos(hangMillis * 1_000_000L);
                ctx.status(504).result("{\"error\":\"injected hang\"}");
            }
            case MALFORMED_JSON -> ctx.status(200).contentType("application/json").result("{\"rollout_id\": oops");
            case DRIBBLE -> {
                try {
                    HostileProxy.dribbleOut(ctx);
                } catch (java.io.IOException hungUp) {
                    // the client gave up on the dribble, as it should
                }
            }
            case OVERSIZED -> ctx.status(200).contentType("application/json")
                    .result(HostileProxy.oversizedJson(Fault.OVERSIZED_BYTES));
            case NONE -> {
                byte[] answer = answer(arrival, rolloutId, body);
                leave.run();
                Map<String, AtomicInteger> counted = writeNow(ctx, answer) ? answersById : unconfirmedAnswersById;
                counted.computeIfAbsent(rolloutId, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    private byte[] answer(long arrival, String rolloutId, String body) {
        byte[] remembered = answered.get(rolloutId);
        if (remembered != null) {
            return remembered;
        }
        long nanos = latency.nanosFor(arrival);
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
        return answered.computeIfAbsent(rolloutId, id -> {
            executed.incrementAndGet();
            executionsById.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            long seed = Long.parseLong(group(SEED, body, "0"));
            String doc = seed % 10 == 0
                    ? "{\"rollout_id\":\"" + id + "\",\"status\":\"failed\",\"reward_info\":{\"outcome_reward\":0},"
                        + "\"trace\":{\"error\":\"seed " + seed + " fails inside the container\",\"event_history\":[]}}"
                    : "{\"rollout_id\":\"" + id + "\",\"status\":\"completed\",\"reward_info\":{\"outcome_reward\":"
                        + (seed % 2 == 0 ? 1 : 0) + "},\"summary\":{\"output\":\"answer-" + seed + "\"},"
                        + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":2,\"total_tokens\":12},"
                        + "\"trace\":{\"event_history\":[{\"type\":\"policy\",\"seed\":" + seed + "}]}}";
            return doc.getBytes(StandardCharsets.UTF_8);
        });
    }

    /**
     * Writes the answer inside the handler, so a request stays in flight (see {@link #cutByStop()}) until its answer
     * is on the socket: a stop after that leaves the client a whole response.
     *
     * @return false when the write failed (the client hung up or the container is stopping); the client may then have
     *         no answer and rightly retry, or, when the connection closed after the last byte left, hold it whole
     */
    private static boolean writeNow(Context ctx, byte[] answer) {
        ctx.status(200).contentType("application/json");
        ctx.res().setContentLength(answer.length);
        try {
            var out = ctx.res().getOutputStream();
            out.write(answer);
            out.flush();
            return true;
        } catch (java.io.IOException cut) {
            return false;
        }
    }

    private static String group(Pattern p, String text, String fallback) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : fallback;
    }

    /** Stops listening, then listens again on the same port; counters and the rollout memory survive. */
    public void restart() {
        stop();
        Rebind.retrying(this::listen);
    }

    /** Stops listening (in-flight requests are cut); {@link #restart()} or a new start brings it back. */
    public synchronized void stop() {
        Javalin server = app;
        if (server != null) {
            stopEdges.incrementAndGet();
            server.stop();
            app = null;
            stopEdges.incrementAndGet();
        }
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public long hangMillis() {
        return hangMillis;
    }

    /** Rollouts really executed (faults and replays from memory excluded). */
    public long executed() {
        return executed.get();
    }

    /** How often the rollout with this id was executed (0 or 1 for an idempotent container). */
    public int executionsOf(String rolloutId) {
        AtomicInteger n = executionsById.get(rolloutId);
        return n == null ? 0 : n.get();
    }

    /** How many requests named this rollout id (retries and replays included). */
    public int requestsOf(String rolloutId) {
        AtomicInteger n = requestsById.get(rolloutId);
        return n == null ? 0 : n.get();
    }

    /**
     * How many requests for this id were answered with the rollout's result (executed or replayed from memory) and the
     * answer written to the socket: 1 for a client that never asks again for a rollout it got, 0 for one that only
     * ever got faults. Answers whose write failed are not in this count (see {@link #unconfirmedAnswersOf}).
     */
    public int answersOf(String rolloutId) {
        AtomicInteger n = answersById.get(rolloutId);
        return n == null ? 0 : n.get();
    }

    /**
     * How many requests for this id got the rollout's result but saw its write fail (a stop or a hang-up closed the
     * connection): the client may hold such an answer whole, or may never have got it and ask again. A client's result
     * for this id came from an answer in {@link #answersOf} or in this count.
     */
    public int unconfirmedAnswersOf(String rolloutId) {
        AtomicInteger n = unconfirmedAnswersById.get(rolloutId);
        return n == null ? 0 : n.get();
    }

    /**
     * Ids of requests that were inside the container while it was stopping: their answer may have been cut, so a
     * client rightly asks for them again.
     */
    public java.util.Set<String> cutByStop() {
        return java.util.Set.copyOf(cutByStop);
    }

    /** Every rollout request so far, in arrival order. */
    public java.util.List<Arrival> arrivals() {
        return arrivalLog.stream().sorted(java.util.Comparator.comparingLong(Arrival::number)).toList();
    }

    /** Ids of executed rollouts. */
    public java.util.Set<String> executedIds() {
        return java.util.Set.copyOf(executionsById.keySet());
    }

    /** POST /rollout requests received, faults included. */
    public long requests() {
        return arrivals.get();
    }

    public long injected(Fault fault) {
        return injected.get(fault).get();
    }

    @Override
    public void close() {
        stop();
    }
}
