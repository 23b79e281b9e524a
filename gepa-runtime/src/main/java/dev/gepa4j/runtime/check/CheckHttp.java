package dev.gepa4j.runtime.check;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Raw HTTP for the checks: the check must see statuses and bodies exactly as the container sent them. */
final class CheckHttp implements AutoCloseable {
    private final String baseUrl;
    private final String apiKey;
    private final Duration timeout;
    private final HttpClient client;

    CheckHttp(String baseUrl, String apiKey, Duration timeout) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
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
        return send(route, request(route).GET().build());
    }

    Answer post(String route, byte[] body) {
        return send(route, request(route).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    private HttpRequest.Builder request(String route) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + route)).timeout(timeout)
                .header("Accept", "application/json");
        if (apiKey != null) {
            b.header("X-API-Key", apiKey);
        }
        return b;
    }

    private Answer send(String route, HttpRequest request) {
        try {
            HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            return new Answer(r.statusCode(), r.body());
        } catch (HttpTimeoutException e) {
            throw new CheckFailure(route + " did not answer within " + timeout.toSeconds()
                    + " s: make the route answer faster, or raise --timeout");
        } catch (IOException e) {
            throw new CheckFailure("cannot reach " + baseUrl + route + " (" + e
                    + "): start the container and check the URL and port");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CheckFailure("interrupted while calling " + route);
        }
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
