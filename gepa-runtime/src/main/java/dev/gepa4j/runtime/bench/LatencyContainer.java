package dev.gepa4j.runtime.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's task container: {@code GET /health} and {@code POST /rollout} on 127.0.0.1 (JDK HTTP server,
 * a virtual thread per request), answering after an injected service time with an exact mean and a long tail:
 * 95% of requests take uniform(0.5, 1.3) x mean, 5% take uniform(2.0, 3.8) x mean. Counts the rollouts it served.
 */
final class LatencyContainer implements AutoCloseable {
    private static final Pattern ROLLOUT_ID = Pattern.compile("\"rollout_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SEED = Pattern.compile("\"seed\"\\s*:\\s*(\\d+)");

    private final HttpServer server;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private final double meanMillis;
    private final long seed;
    private final AtomicLong calls = new AtomicLong();

    LatencyContainer(double meanMillis, long seed) throws IOException {
        this.meanMillis = meanMillis;
        this.seed = seed;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
        server.setExecutor(executor);
        server.createContext("/health", ex -> send(ex, 200, "{\"status\":\"ok\"}"));
        server.createContext("/rollout", this::rollout);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long calls() {
        return calls.get();
    }

    private void rollout(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        long n = calls.incrementAndGet();
        Matcher id = ROLLOUT_ID.matcher(body);
        Matcher s = SEED.matcher(body);
        if (!id.find() || !s.find()) {
            send(ex, 400, "{\"error\":\"send rollout_id and seed\"}");
            return;
        }
        long nanos = serviceNanos(n);
        if (nanos > 0) {
            LockSupport.parkNanos(nanos);
        }
        long exampleSeed = Long.parseLong(s.group(1));
        send(ex, 200, "{\"rollout_id\":\"" + id.group(1) + "\",\"status\":\"completed\",\"reward_info\":"
                + "{\"outcome_reward\":" + (exampleSeed % 2 == 0 ? 1 : 0) + "},\"summary\":{\"output\":\"label-"
                + exampleSeed + "\"},\"usage\":{\"prompt_tokens\":120,\"completion_tokens\":4,\"total_tokens\":124},"
                + "\"trace\":{\"event_history\":[{\"type\":\"policy_call\",\"seed\":" + exampleSeed + "}]},"
                + "\"verifier\":{\"passed\":" + (exampleSeed % 2 == 0) + ",\"score\":" + (exampleSeed % 2 == 0 ? 1 : 0)
                + ",\"feedback\":\"compared with the gold label\"}}");
    }

    private long serviceNanos(long arrival) {
        if (meanMillis <= 0) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom(seed * 7_919 + arrival);
        double factor = r.nextDouble() < 0.95 ? 0.5 + 0.8 * r.nextDouble() : 2.0 + 1.8 * r.nextDouble();
        return (long) (factor * meanMillis * 1_000_000);
    }

    private static void send(HttpExchange ex, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.close();
    }
}
