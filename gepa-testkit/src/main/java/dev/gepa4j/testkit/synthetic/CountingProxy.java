package dev.gepa4j.testkit.synthetic;

import io.javalin.Javalin;
import io.javalin.http.Context;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A front door on 127.0.0.1 for a container: forwards every contract route to it unchanged and counts each
 * {@code POST /rollout} by its {@code rollout_id} on arrival, before the container sees it. A container built on the
 * SDK answers a repeated id from its memory without running the task again, so only a count taken here shows a
 * client asking twice for the same rollout. Thread-safe; closing stops the door, not the container behind it.
 */
public final class CountingProxy implements AutoCloseable {
    private static final Pattern ROLLOUT_ID = Pattern.compile("\"rollout_id\"\\s*:\\s*\"([^\"]+)\"");
    private static final String[] GET_ROUTES = {"/health", "/metadata", "/info", "/task_info", "/program", "/dataset"};
    private static final String[] POST_ROUTES = {"/dataset/rows", "/rollout", "/rollouts"};
    private static final String[] FORWARDED_HEADERS = {"Content-Type", "X-API-Key", "Retry-After"};

    private final String target;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final Map<String, AtomicInteger> requestsById = new ConcurrentHashMap<>();
    private final Javalin app;

    private CountingProxy(String target) {
        this.target = target;
        this.app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.startup.showJavalinBanner = false;
            for (String route : GET_ROUTES) {
                cfg.routes.get(route, this::forward);
            }
            for (String route : POST_ROUTES) {
                cfg.routes.post(route, this::forward);
            }
        });
        app.start("127.0.0.1", 0);
    }

    /** Starts a door in front of the container at {@code targetUrl} (e.g. {@code http://127.0.0.1:40123}). */
    public static CountingProxy start(String targetUrl) {
        return new CountingProxy(targetUrl);
    }

    private void forward(Context ctx) throws IOException, InterruptedException {
        byte[] body = ctx.bodyAsBytes();
        if (ctx.path().startsWith("/rollout")) {
            Matcher m = ROLLOUT_ID.matcher(new String(body, java.nio.charset.StandardCharsets.UTF_8));
            requestsById.computeIfAbsent(m.find() ? m.group(1) : "", k -> new AtomicInteger()).incrementAndGet();
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(target + ctx.path()))
                .method(ctx.method().name(), body.length == 0 && ctx.method().name().equals("GET")
                        ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        for (String name : FORWARDED_HEADERS) {
            String value = ctx.header(name);
            if (value != null) {
                request.header(name, value);
            }
        }
        HttpResponse<byte[]> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        ctx.status(answer.statusCode());
        for (String name : FORWARDED_HEADERS) {
            answer.headers().firstValue(name).ifPresent(v -> ctx.header(name, v));
        }
        ctx.result(answer.body());
    }

    /** The door's base URL: give this to the client instead of the container's. */
    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Rollout requests per {@code rollout_id} so far (retries and repeats included), sorted by id. */
    public Map<String, Integer> requestsById() {
        Map<String, Integer> copy = new TreeMap<>();
        requestsById.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    /** Rollout requests so far. */
    public long requests() {
        return requestsById.values().stream().mapToLong(AtomicInteger::get).sum();
    }

    @Override
    public void close() {
        app.stop();
        http.close();
    }
}
