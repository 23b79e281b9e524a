package dev.gepa4j.runtime.container;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * The HTTP/1.1 exchanges of {@link HttpTaskContainer}: Apache HttpClient 5 in its blocking form, over a pool of
 * keep-alive connections, called from the rollout queue's virtual threads.
 *
 * <p>Why not the JDK's {@code java.net.http.HttpClient}: it funnels every exchange through one selector thread and
 * a chain of futures, which capped a 2-core machine at about 2,400 loopback exchanges per second with one core idle
 * (448 us of CPU per exchange); the blocking client measured 7,100 per second at 224 us (the figures are in
 * docs/benchmarks.md). Blocking sockets park a virtual thread instead of a carrier, so blocking is cheap here.
 *
 * <p>Two bounds on every exchange, so no container can hang a caller or flood its memory: a whole-response deadline
 * (connection, headers and the last byte of the body; a timer aborts the exchange when it passes, so a body that
 * dribbles one byte a second ends like any other timeout, with {@link SocketTimeoutException}), and a cap on the
 * body's size ({@link BodyTooLargeException}, naming the size, before more than the cap is held in memory).
 *
 * <p>Nothing is retried, redirected or decompressed here: the rollout queue owns retries, and a container has no
 * reason to redirect. Used by {@link HttpTaskContainer} and by the conformance check. Thread-safe.
 */
public final class ContainerHttp implements AutoCloseable {
    /** The default cap on one response body: 4 MiB. */
    public static final long DEFAULT_MAX_BODY_BYTES = 4L << 20;
    /** Connections kept per container; more concurrent exchanges than this wait for a free one. */
    static final int MAX_CONNECTIONS = 4096;
    /** A pooled connection idle for longer than this is checked before reuse (the container may have closed it). */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);
    /** One timer thread for every client of the process: it only aborts exchanges that overran their deadline. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlineTimer();

    /** What came back: the status, the whole body and the Retry-After header (null when absent). */
    public record Answer(int status, byte[] body, String retryAfter) {
    }

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final String apiKey;
    private final ContainerAuth auth;
    private final long maxBodyBytes;

    /**
     * @param connectTimeout how long opening a connection may take
     * @param apiKey         sent as {@code X-API-Key} when not null
     * @param maxBodyBytes   the largest response body accepted; a larger one throws {@link BodyTooLargeException}
     */
    public ContainerHttp(Duration connectTimeout, String apiKey, long maxBodyBytes) {
        this(connectTimeout, apiKey, ContainerAuth.X_API_KEY, maxBodyBytes);
    }

    /**
     * @param auth how {@code apiKey} is sent: {@code X-API-Key} or {@code Authorization: Bearer}
     */
    public ContainerHttp(Duration connectTimeout, String apiKey, ContainerAuth auth, long maxBodyBytes) {
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("the response body cap must be at least 1 byte, was " + maxBodyBytes);
        }
        this.apiKey = apiKey;
        this.auth = java.util.Objects.requireNonNull(auth, "auth");
        this.maxBodyBytes = maxBodyBytes;
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(MAX_CONNECTIONS)
                .setMaxConnPerRoute(MAX_CONNECTIONS)
                // the strict pool takes one lock per lease and release; the lax one locks per route, and our caps are
                // far above any concurrency limit, so their looser enforcement costs nothing
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.LAX)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setValidateAfterInactivity(VALIDATE_AFTER_IDLE)
                        .build())
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableCookieManagement()
                .disableAuthCaching()
                .disableContentCompression()
                .evictExpiredConnections()
                .build();
    }

    /**
     * A GET; {@code timeout} bounds the whole exchange, from asking for a pooled connection to the body's last byte.
     *
     * @throws SocketTimeoutException when the deadline passed (also for a response still arriving then)
     * @throws BodyTooLargeException  when the body is larger than the cap
     * @throws IOException            when the exchange failed otherwise (no connection, connection dropped)
     */
    public Answer get(URI uri, Duration timeout) throws IOException {
        return exchange(new HttpGet(uri), timeout);
    }

    /** A POST of a JSON body; same deadline and cap as {@link #get}. */
    public Answer postJson(URI uri, byte[] json, Duration timeout) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(json, ContentType.APPLICATION_JSON));
        return exchange(post, timeout);
    }

    private Answer exchange(HttpUriRequestBase request, Duration timeout) throws IOException {
        Timeout limit = Timeout.of(timeout.toMillis(), TimeUnit.MILLISECONDS);
        request.setConfig(RequestConfig.custom()
                .setResponseTimeout(limit)
                .setConnectionRequestTimeout(limit)
                .build());
        request.setHeader("Accept", "application/json");
        if (apiKey != null) {
            request.setHeader(auth.headerName(), auth.headerValue(apiKey));
        }
        AtomicBoolean overran = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            overran.set(true);
            request.cancel();
        }, timeout.toMillis(), TimeUnit.MILLISECONDS);
        try {
            return client.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0] : boundedBody(entity);
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (SocketTimeoutException | ConnectionRequestTimeoutException slow) {
            throw slow;
        } catch (BodyTooLargeException large) {
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
            throw large;
        } catch (IOException broken) {
            if (overran.get()) {
                SocketTimeoutException late = new SocketTimeoutException("the whole response did not arrive within "
                        + timeout.toMillis() + " ms");
                late.initCause(broken);
                throw late;
            }
            // A dropped connection usually means the container restarted, and then every idle pooled connection is
            // dead too: close them, so the queue's retry opens a fresh one instead of finding the next dead one.
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
            throw broken;
        } finally {
            deadline.cancel(false);
        }
    }

    /** Reads the body, refusing one whose declared or actual size exceeds the cap before holding more than it. */
    private byte[] boundedBody(HttpEntity entity) throws IOException {
        long declared = entity.getContentLength();
        if (declared > maxBodyBytes) {
            throw new BodyTooLargeException(declared, true, maxBodyBytes);
        }
        try (InputStream in = entity.getContent()) {
            if (in == null) {
                return new byte[0];
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 256), 65_536));
            byte[] chunk = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(chunk)) >= 0) {
                total += n;
                if (total > maxBodyBytes) {
                    throw new BodyTooLargeException(total, false, maxBodyBytes);
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        }
    }

    private static ScheduledThreadPoolExecutor deadlineTimer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1,
                Thread.ofPlatform().daemon().name("gepa-http-deadline").factory());
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }
}
