package dev.gepa4j.testkit.faults;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole task container that misbehaves on purpose: it listens on 127.0.0.1 and forwards every request to a
 * well-behaved upstream container (any that speaks the contract, e.g. an SDK {@code ContainerServer}), except where a
 * rule says otherwise. So a real {@code gepa run} or {@code gepa check} can be pointed at it. The rules, set before
 * use:
 * <ul>
 *   <li>{@link #failRolloutsForever}: {@code POST /rollout} for chosen examples (split and seed) answers 500, always;</li>
 *   <li>{@link #dribble}: one route answers 200 with its headers at once, then its body one byte per second;</li>
 *   <li>{@link #oversize}: one route answers 200 with a JSON body of the given size, made of many small strings;</li>
 *   <li>{@link #dieAtRollout}: the n-th rollout request gets a 503, then the container stops listening (requests in
 *       flight are cut, new connections refused) and comes back on the same port after a pause: a restart.</li>
 * </ul>
 * It counts requests per route and rollout requests per (split, seed), on its own side. Thread-safe.
 */
public final class HostileProxy implements AutoCloseable {
    private static final Pattern SEED = Pattern.compile("\"seed\"\\s*:\\s*(\\d+)");
    private static final Pattern SPLIT = Pattern.compile("\"split\"\\s*:\\s*\"([^\"]*)\"");

    private final String upstream;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, AtomicLong> requestsByRoute = new ConcurrentHashMap<>();
    private final Map<String, AtomicLong> rolloutsByExample = new ConcurrentHashMap<>();
    private final AtomicLong rolloutArrivals = new AtomicLong();
    private final AtomicBoolean died = new AtomicBoolean();
    private volatile Set<String> failingExamples = Set.of();
    private volatile String dribbleRoute;
    private volatile String oversizeRoute;
    private volatile int oversizeBytes;
    private volatile long dieAt;
    private volatile Duration downFor = Duration.ZERO;
    private volatile long downtimeMillis = -1;
    private volatile Javalin app;
    private volatile int port;

    private HostileProxy(String upstream) {
        this.upstream = upstream.endsWith("/") ? upstream.substring(0, upstream.length() - 1) : upstream;
    }

    /** Starts a proxy of {@code upstreamUrl} on a free port of 127.0.0.1, with no rule yet (it forwards everything). */
    public static HostileProxy start(String upstreamUrl) {
        HostileProxy p = new HostileProxy(upstreamUrl);
        p.listen();
        return p;
    }

    /** From now on, rollouts of these seeds of the container split {@code split} answer HTTP 500, every time. */
    public HostileProxy failRolloutsForever(String split, Set<Long> seeds) {
        Set<String> keys = new java.util.HashSet<>(failingExamples);
        seeds.forEach(s -> keys.add(split + ":" + s));
        failingExamples = Set.copyOf(keys);
        return this;
    }

    /** From now on, {@code route} (e.g. {@code /program}) answers its headers, then one byte a second, for ever. */
    public HostileProxy dribble(String route) {
        dribbleRoute = route;
        return this;
    }

    /** From now on, {@code route} answers 200 with a JSON body of {@code bytes} bytes of small strings. */
    public HostileProxy oversize(String route, int bytes) {
        oversizeRoute = route;
        oversizeBytes = bytes;
        return this;
    }

    /** At rollout request number {@code arrival} (from 1), the container goes away for {@code pause}, once. */
    public HostileProxy dieAtRollout(long arrival, Duration pause) {
        dieAt = arrival;
        downFor = pause;
        return this;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Requests the proxy received for a route (e.g. {@code /rollout}), whatever it answered. */
    public long requests(String route) {
        AtomicLong n = requestsByRoute.get(route);
        return n == null ? 0 : n.get();
    }

    /** Rollout requests received for one example of a container split. */
    public long rolloutRequests(String split, long seed) {
        AtomicLong n = rolloutsByExample.get(split + ":" + seed);
        return n == null ? 0 : n.get();
    }

    /** True once the container has gone away for its pause (see {@link #dieAtRollout}). */
    public boolean died() {
        return died.get();
    }

    /** How long the container was away (see {@link #dieAtRollout}), or -1 before it came back. */
    public long downtimeMillis() {
        return downtimeMillis;
    }

    private synchronized void listen() {
        Javalin server = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            // a restart cuts requests in flight instead of waiting for them
            cfg.jetty.modifyServer(jetty -> jetty.setStopTimeout(100));
            cfg.routes.get("/*", this::handle);
            cfg.routes.post("/*", this::handle);
        });
        server.start("127.0.0.1", port);
        port = server.port();
        app = server;
    }

    private void handle(Context ctx) throws Exception {
        String route = ctx.path();
        requestsByRoute.computeIfAbsent(route, k -> new AtomicLong()).incrementAndGet();
        byte[] body = ctx.bodyAsBytes();
        if (route.equals("/rollout")) {
            String text = new String(body, StandardCharsets.UTF_8);
            String example = group(SPLIT, text) + ":" + group(SEED, text);
            rolloutsByExample.computeIfAbsent(example, k -> new AtomicLong()).incrementAndGet();
            long arrival = rolloutArrivals.incrementAndGet();
            if (arrival == dieAt && died.compareAndSet(false, true)) {
                ctx.status(503).contentType("application/json").result("{\"error\":\"injected: shutting down\"}");
                goAwayFor(downFor);
                return;
            }
            if (failingExamples.contains(example)) {
                ctx.status(500).contentType("application/json").result("{\"error\":\"injected: this row always "
                        + "fails (" + example + ")\"}");
                return;
            }
        }
        if (route.equals(dribbleRoute)) {
            dribbleOut(ctx);
            return;
        }
        if (route.equals(oversizeRoute)) {
            ctx.status(200).contentType("application/json").result(oversizedJson(oversizeBytes));
            return;
        }
        forward(ctx, route, body);
    }

    private void forward(Context ctx, String route, byte[] body) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(upstream + route)).timeout(Duration.ofSeconds(60));
        String key = ctx.header("X-API-Key");
        if (key != null) {
            b.header("X-API-Key", key);
        }
        HttpRequest request = ctx.method().name().equals("POST")
                ? b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body)).build()
                : b.GET().build();
        HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(r.statusCode()).contentType(r.headers().firstValue("Content-Type").orElse("application/json"))
                .result(r.body());
    }

    /** Headers now, then a byte a second for up to ten minutes, until the client hangs up. */
    static void dribbleOut(Context ctx) throws IOException {
        ctx.status(200).contentType("application/json");
        ctx.res().setContentLength(1_000_000);
        OutputStream out = ctx.res().getOutputStream();
        out.flush();
        for (int i = 0; i < 600; i++) {
            out.write(i == 0 ? '{' : ' ');
            out.flush();
            try {
                Thread.sleep(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** {@code {"trace":{"events":["xxxxxxxx", ...]}}} of about {@code bytes} bytes: no one string is long. */
    static byte[] oversizedJson(int bytes) {
        StringBuilder sb = new StringBuilder(bytes + 64).append("{\"trace\":{\"events\":[");
        while (sb.length() < bytes) {
            sb.append("\"xxxxxxxxxxxxxxxx\",");
        }
        sb.append("\"end\"]}}");
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Answers the current request (503), then stops listening for {@code pause} and listens again on the same port. */
    private void goAwayFor(Duration pause) {
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(50); // let the 503 go out first
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            long down = System.nanoTime();
            stop();
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            Rebind.retrying(this::listen);
            downtimeMillis = (System.nanoTime() - down) / 1_000_000;
        });
    }

    private synchronized void stop() {
        Javalin server = app;
        app = null;
        if (server != null) {
            try {
                server.stop();
            } catch (RuntimeException notGraceful) {
                // requests were still in flight after the short stop timeout: they are cut, which is the point
            }
        }
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : "?";
    }

    @Override
    public void close() {
        stop();
    }
}
