package dev.gepa4j.runtime.container;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
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
import org.apache.hc.core5.http.io.entity.EntityUtils;
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
 * <p>Nothing is retried, redirected or decompressed here: the rollout queue owns retries, and a container has no
 * reason to redirect. Thread-safe.
 */
final class ContainerHttp implements AutoCloseable {
    /** Connections kept per container; more concurrent exchanges than this wait for a free one. */
    static final int MAX_CONNECTIONS = 4096;
    /** A pooled connection idle for longer than this is checked before reuse (the container may have closed it). */
    private static final TimeValue VALIDATE_AFTER_IDLE = TimeValue.ofSeconds(2);

    /** What came back: the status, the whole body and the Retry-After header (null when absent). */
    record Answer(int status, byte[] body, String retryAfter) {
    }

    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final String apiKey;

    /**
     * @param connectTimeout how long opening a connection may take
     * @param apiKey         sent as {@code X-API-Key} when not null
     */
    ContainerHttp(Duration connectTimeout, String apiKey) {
        this.apiKey = apiKey;
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

    /** A GET; {@code timeout} bounds the wait for the response (and for a free pooled connection). */
    Answer get(URI uri, Duration timeout) throws IOException {
        return exchange(new HttpGet(uri), timeout);
    }

    /** A POST of a JSON body; same timeout rule as {@link #get}. */
    Answer postJson(URI uri, byte[] json, Duration timeout) throws IOException {
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
            request.setHeader("X-API-Key", apiKey);
        }
        try {
            return client.execute(request, response -> {
                HttpEntity entity = response.getEntity();
                byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
                Header retryAfter = response.getFirstHeader("Retry-After");
                return new Answer(response.getCode(), body, retryAfter == null ? null : retryAfter.getValue());
            });
        } catch (SocketTimeoutException | ConnectionRequestTimeoutException slow) {
            throw slow;
        } catch (IOException broken) {
            // A dropped connection usually means the container restarted, and then every idle pooled connection is
            // dead too: close them, so the queue's retry opens a fresh one instead of finding the next dead one.
            connections.closeIdle(TimeValue.ZERO_MILLISECONDS);
            throw broken;
        }
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }
}
