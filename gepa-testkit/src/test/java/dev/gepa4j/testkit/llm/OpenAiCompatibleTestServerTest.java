package dev.gepa4j.testkit.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenAiCompatibleTestServerTest {
    private static final String BODY = "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":"
            + "\"Current text:\\n```\\nSay hi.\\n```\"}]}";

    private static HttpResponse<String> post(OpenAiCompatibleTestServer server) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer k")
                .POST(HttpRequest.BodyPublishers.ofString(BODY)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void itSpeaksTheChatCompletionsWireFormatAndRecordsTheRequest() throws Exception {
        try (var server = OpenAiCompatibleTestServer.start()) {
            server.enqueue(ScriptedReply.answer("hello", 7, 2));

            var response = post(server);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"content\":\"hello\"", "\"finish_reason\":\"stop\"",
                    "\"prompt_tokens\":7", "\"completion_tokens\":2", "\"total_tokens\":9");
            assertThat(server.requests().getFirst().lastUserText()).contains("Say hi.");
            assertThat(server.requests().getFirst().credential()).isEqualTo("k");
        }
    }

    @Test
    void aScriptedRateLimitCarriesRetryAfter() throws Exception {
        try (var server = OpenAiCompatibleTestServer.start()) {
            server.enqueue(ScriptedReply.rateLimited(3));

            var response = post(server);

            assertThat(response.statusCode()).isEqualTo(429);
            assertThat(response.headers().firstValue("Retry-After")).contains("3");
        }
    }

    @Test
    void echoImproveAppendsANumberedLineToTheFencedText() throws Exception {
        try (var server = OpenAiCompatibleTestServer.start()) {
            var first = post(server).body();
            var second = post(server).body();

            assertThat(first).contains("Say hi.\\n", "(revision 1)");
            assertThat(second).contains("(revision 2)");
        }
    }

    @Test
    void aScriptFileIsReadInOrder(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("replies.json");
        Files.writeString(file, "[{\"status\": 429, \"retry_after\": \"1\"}, {\"content\": \"x\", \"finish_reason\": "
                + "\"length\"}, {\"echo_improve\": true}]");

        var replies = ScriptFile.read(file);

        assertThat(replies).containsExactly(new ScriptedReply.HttpError(429, "1", "HTTP 429 from the test double"),
                new ScriptedReply.Completion("x", "length", -1, -1), new ScriptedReply.EchoImproveReply());
    }

    @Test
    void aScriptFileCanAskForMisbehaviours(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("hostile.json");
        Files.writeString(file, "[{\"raw_body\": \"<html>portal</html>\"}, {\"drip\": \"abc\", \"millis_per_byte\": 5},"
                + " {\"flood_bytes\": 1000}]");

        assertThat(ScriptFile.read(file)).containsExactly(new ScriptedReply.RawBody(200, "text/html",
                "<html>portal</html>"), new ScriptedReply.Drip("abc", 5), new ScriptedReply.Flood(1000));
    }

    @Test
    void theMisbehavioursReachTheWireAsScripted() throws Exception {
        try (var server = OpenAiCompatibleTestServer.start()) {
            server.enqueue(ScriptedReply.htmlPage(), new ScriptedReply.Drip("{\"x\": 1}", 5),
                    new ScriptedReply.Flood(200_000));

            HttpResponse<String> html = post(server);
            HttpResponse<String> drip = post(server);
            HttpResponse<String> flood = post(server);

            assertThat(html.statusCode()).isEqualTo(200);
            assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(html.body()).contains("Gateway portal");
            assertThat(drip.body()).startsWith("{\"id\":\"chatcmpl-test-").contains("\"content\":\"{\\\"x\\\": 1}\"");
            assertThat(flood.headers().firstValue("Content-Length")).isEmpty();
            assertThat(flood.body().length()).isGreaterThan(200_000);
        }
    }
}
