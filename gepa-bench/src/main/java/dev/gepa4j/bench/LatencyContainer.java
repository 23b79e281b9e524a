package dev.gepa4j.bench;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Promise;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The benchmark's task container: {@code GET /health} and {@code POST /rollout} on 127.0.0.1, answering after an
 * injected service time with an exact mean and a long tail: 95% of requests take uniform(0.5, 1.3) x mean, 5% take
 * uniform(2.0, 3.8) x mean. Counts the rollouts it served.
 *
 * <p>Built on Jetty's core handler API without blocking: the body is read asynchronously and the service time is a
 * timer entry, so a waiting request holds no thread. The container shares the machine's cores with the runtime it
 * measures, so the less CPU it spends per request, the more the benchmark shows the runtime's own cost (the JDK's
 * HttpServer, used before, spent a dispatcher hop and a parked thread per request).
 */
final class LatencyContainer implements AutoCloseable {
    private static final Pattern ROLLOUT_ID = Pattern.compile("\"rollout_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEED = Pattern.compile("\"seed\"\\s*:\\s*(\\d+)");
    /** Jetty's worker threads; the handler never blocks, so a few serve any number of requests. */
    private static final int THREADS = 8;

    private final Server server;
    private final ServerConnector connector;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("bench-container-timer").factory());
    private final double meanMillis;
    private final long seed;
    private final AtomicLong calls = new AtomicLong();

    /** Starts the container on an ephemeral loopback port. */
    LatencyContainer(double meanMillis, long seed) {
        this.meanMillis = meanMillis;
        this.seed = seed;
        QueuedThreadPool threads = new QueuedThreadPool(THREADS, 2);
        threads.setName("bench-container");
        threads.setDaemon(true);
        this.server = new Server(threads);
        this.connector = new ServerConnector(server, 1, 1);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract.NonBlocking() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                if ("/health".equals(Request.getPathInContext(request))) {
                    send(response, callback, 200, "{\"status\":\"ok\"}");
                } else {
                    Content.Source.asByteBuffer(request, Promise.from(
                            body -> rollout(StandardCharsets.UTF_8.decode(body).toString(), response, callback),
                            callback::failed));
                }
                return true;
            }
        });
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the benchmark container on 127.0.0.1: " + e.getMessage(), e);
        }
    }

    String url() {
        return "http://127.0.0.1:" + connector.getLocalPort();
    }

    long calls() {
        return calls.get();
    }

    private void rollout(String body, Response response, Callback callback) {
        long n = calls.incrementAndGet();
        Matcher id = ROLLOUT_ID.matcher(body);
        Matcher s = SEED.matcher(body);
        if (!id.find() || !s.find()) {
            send(response, callback, 400, "{\"error\":\"send rollout_id and seed\"}");
            return;
        }
        long exampleSeed = Long.parseLong(s.group(1));
        boolean right = exampleSeed % 2 == 0;
        String json = "{\"rollout_id\":\"" + id.group(1) + "\",\"status\":\"completed\",\"reward_info\":"
                + "{\"outcome_reward\":" + (right ? 1 : 0) + "},\"summary\":{\"output\":\"label-" + exampleSeed
                + "\"},\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":4,\"total_tokens\":124},"
                + "\"trace\":{\"event_history\":[{\"type\":\"policy_call\",\"seed\":" + exampleSeed + "}]},"
                + "\"verifier\":{\"passed\":" + right + ",\"score\":" + (right ? 1 : 0)
                + ",\"feedback\":\"compared with the gold label\"}}";
        long nanos = serviceNanos(n);
        if (nanos > 0) {
            timer.schedule(() -> send(response, callback, 200, json), nanos, TimeUnit.NANOSECONDS);
        } else {
            send(response, callback, 200, json);
        }
    }

    private long serviceNanos(long arrival) {
        if (meanMillis <= 0) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom(seed * 7_919 + arrival);
        double factor = r.nextDouble() < 0.95 ? 0.5 + 0.8 * r.nextDouble() : 2.0 + 1.8 * r.nextDouble();
        return (long) (factor * meanMillis * 1_000_000);
    }

    private static void send(Response response, Callback callback, int status, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.getHeaders().put(HttpHeader.CONTENT_LENGTH, bytes.length);
        response.write(true, ByteBuffer.wrap(bytes), callback);
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the benchmark container: " + e.getMessage(), e);
        } finally {
            timer.shutdownNow();
        }
    }
}
