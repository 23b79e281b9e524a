package dev.gepa4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.ContractCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> get(ContainerServer server, String route, String key) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + route));
        if (key != null) {
            b.header("X-API-Key", key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void withAKeyConfiguredOnlyHealthIsOpenAndOtherRoutesNeedTheExactKey() throws Exception {
        try (ContainerServer server = ContainerServer.start(new LatchTask(),
                ServerOptions.defaults().withApiKey("s3cret-key"))) {
            assertThat(get(server, "/health", null).statusCode()).isEqualTo(200);
            assertThat(get(server, "/program", "s3cret-key").statusCode()).isEqualTo(200);

            HttpResponse<byte[]> missing = get(server, "/program", null);
            HttpResponse<byte[]> wrong = get(server, "/program", "s3cret-kez");

            assertThat(missing.statusCode()).isEqualTo(401);
            assertThat(wrong.statusCode()).isEqualTo(401);
            JsonNode body = ContractCodec.readTree(wrong.body());
            assertThat(body.get("error").asText()).isEqualTo("unauthorized");
            assertThat(body.get("detail").asText()).contains("X-API-Key").doesNotContain("s3cret");
        }
    }
}
