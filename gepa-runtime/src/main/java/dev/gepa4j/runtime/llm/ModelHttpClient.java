package dev.gepa4j.runtime.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.error.GepaException;
import dev.gepa4j.core.retry.RetryAfterHeader;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpClientBuilderLoader;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * The LangChain4j {@link HttpClient} under the reflection model, on the JDK's HTTP client, bounded in time and size:
 * <ul>
 *   <li>one deadline for the whole answer (connect, headers and body together): the JDK's request timeout stops
 *       counting once headers arrive, so a server dripping its body would otherwise hold the call forever. Past the
 *       deadline the exchange is cancelled and {@link TimeoutException} thrown;</li>
 *   <li>a cap on the answer body: a declared Content-Length over the cap is refused before reading, and a body that
 *       grows past it is cut off while streaming ({@link AnswerTooLargeException}); nothing larger is ever held;</li>
 *   <li>an error status keeps its {@code Retry-After} ({@link StatusException}); LangChain4j's own client drops
 *       response headers on errors;</li>
 *   <li>a 2xx body that is not a JSON object (an HTML portal page, invalid JSON) is reported as
 *       {@link MalformedAnswerException} with what came back, instead of surfacing later as a parse error that
 *       looks like a network failure.</li>
 * </ul>
 * Streaming and multipart calls (unused by the proposer) go to LangChain4j's default client unchanged.
 */
final class ModelHttpClient implements HttpClient {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final java.net.http.HttpClient http;
    private final Duration deadline;
    private final long maxAnswerBytes;
    private final HttpClient streaming;

    ModelHttpClient(Duration connectTimeout, Duration deadline, long maxAnswerBytes) {
        this.http = java.net.http.HttpClient.newBuilder().connectTimeout(connectTimeout).build();
        this.deadline = deadline;
        this.maxAnswerBytes = maxAnswerBytes;
        // LangChain4j's default client (found through its SPI) serves streaming, which this proposer does not use
        this.streaming = HttpClientBuilderLoader.loadHttpClientBuilder().connectTimeout(connectTimeout)
                .readTimeout(deadline).build();
    }

    /** An HTTP error status with the Retry-After the server sent, if any. */
    static final class StatusException extends HttpException {
        private final Duration retryAfter;

        StatusException(int status, String body, Duration retryAfter) {
            super(status, body);
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    /** A reachable server answered 2xx with a body that is not a JSON object. */
    static final class MalformedAnswerException extends GepaException {
        private final int status;

        MalformedAnswerException(int status, String message) {
            super(FAILED, message);
            this.status = status;
        }

        int status() {
            return status;
        }
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        if (!request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty()) {
            return streaming.execute(request); // multipart uploads: not used by chat calls
        }
        var builder = java.net.http.HttpRequest.newBuilder(URI.create(request.url())).timeout(deadline);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        builder.method(request.method().name(), request.body() == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(request.body(), StandardCharsets.UTF_8));
        CompletableFuture<HttpResponse<byte[]>> call = http.sendAsync(builder.build(),
                info -> CappedBody.subscriber(info, maxAnswerBytes));
        HttpResponse<byte[]> response;
        try {
            response = call.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException late) {
            call.cancel(true); // aborts the exchange and closes the connection
            throw new TimeoutException("no complete answer within " + deadline.toSeconds()
                    + " s (timeout_seconds covers connecting, headers and the whole body)");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof AnswerTooLargeException tooLarge) {
                throw tooLarge;
            }
            if (cause instanceof java.net.http.HttpTimeoutException t) {
                throw new TimeoutException(t);
            }
            throw new UncheckedIOException(cause instanceof IOException io ? io : new IOException(cause));
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the model endpoint", e);
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse("none");
        if (status < 200 || status >= 300) {
            throw new StatusException(status, new String(response.body(), StandardCharsets.UTF_8),
                    RetryAfterHeader.parse(response.headers().firstValue("Retry-After").orElse(null), Instant.now())
                            .orElse(null));
        }
        requireJsonObject(status, contentType, response.body());
        return SuccessfulHttpResponse.builder().statusCode(status).headers(response.headers().map())
                .body(new String(response.body(), StandardCharsets.UTF_8)).build();
    }

    private static void requireJsonObject(int status, String contentType, byte[] body) {
        String problem;
        try {
            JsonNode tree = JSON.readTree(body);
            problem = tree != null && tree.isObject() ? null : "a JSON "
                    + (tree == null ? "nothing" : tree.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
                    + " instead of an object";
        } catch (IOException notJson) {
            problem = "text that is not JSON";
        }
        if (problem != null) {
            throw new MalformedAnswerException(status, "answered HTTP " + status + " with " + problem
                    + " (Content-Type " + contentType + ", " + body.length + " bytes): "
                    + Excerpts.oneLine(new String(body, StandardCharsets.UTF_8), 200));
        }
    }

    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        streaming.execute(request, parser, listener);
    }
}
