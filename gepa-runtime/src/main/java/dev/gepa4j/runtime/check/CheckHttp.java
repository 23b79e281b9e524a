package dev.gepa4j.runtime.check;

import dev.gepa4j.runtime.container.BodyTooLargeException;
import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.ContainerHttp;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.hc.core5.http.ConnectionRequestTimeoutException;

/**
 * Raw HTTP for the checks: statuses and bodies exactly as the container sent them (nothing retried, redirected or
 * decompressed), over the same client a run uses, so each request has the same whole-response deadline (the check's
 * {@code --timeout}, which a body that dribbles in cannot outlast) and the same body cap.
 */
final class CheckHttp implements AutoCloseable {
    private final String baseUrl;
    private final Duration timeout;
    private final ContainerHttp client;

    CheckHttp(String baseUrl, String apiKey, ContainerAuth auth, Duration timeout) {
        this.baseUrl = baseUrl;
        this.timeout = timeout;
        this.client = new ContainerHttp(Duration.ofSeconds(5), apiKey, auth, ContainerHttp.DEFAULT_MAX_BODY_BYTES);
    }

    record Answer(int status, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String snippet() {
            String t = text().replaceAll("\\s+", " ").trim();
            return t.length() > 160 ? t.substring(0, 157) + "..." : t;
        }
    }

    Answer get(String route) {
        return send(route, () -> client.get(uri(route), timeout));
    }

    Answer post(String route, byte[] body) {
        return send(route, () -> client.postJson(uri(route), body, timeout));
    }

    private URI uri(String route) {
        return URI.create(baseUrl + route);
    }

    @FunctionalInterface
    private interface Exchange {
        ContainerHttp.Answer call() throws IOException;
    }

    private Answer send(String route, Exchange exchange) {
        try {
            ContainerHttp.Answer a = exchange.call();
            return new Answer(a.status(), a.body());
        } catch (SocketTimeoutException | ConnectionRequestTimeoutException e) {
            throw new CheckFailure(route + " did not answer completely within " + timeout.toSeconds()
                    + " s: make the route answer faster, or raise --timeout");
        } catch (BodyTooLargeException e) {
            throw new CheckFailure(route + " answered too much: " + e.getMessage()
                    + "; keep responses (traces, outputs) small");
        } catch (IOException e) {
            throw new CheckFailure("cannot reach " + baseUrl + route + " (" + e
                    + "): start the container and check the URL and port");
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
