package dev.gepa4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractVersions;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContainerServerTest {
    private static final LatchTask TASK = new LatchTask();
    private static ContainerServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @BeforeAll
    static void start() {
        server = ContainerServer.start(TASK, ServerOptions.defaults().withMaxBodyBytes(4096));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    record Answer(int status, JsonNode body) {
    }

    static Answer get(String route) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + route)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), ContractCodec.readTree(r.body()));
    }

    static Answer post(String route, String body) throws Exception {
        HttpResponse<byte[]> r = HTTP.send(HttpRequest.newBuilder(URI.create(server.url() + route))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), ContractCodec.readTree(r.body()));
    }

    @Test
    void discoveryRoutesDeclareTheGepaContractAndTheProgram() throws Exception {
        assertThat(get("/health").body().get("status").asText()).isEqualTo("ok");
        for (String route : List.of("/metadata", "/info")) {
            assertThat(get(route).body().at("/metadata/optimizer_contracts/gepa/version").asText())
                    .isEqualTo(ContractVersions.SERVED);
        }
        JsonNode program = get("/program").body();
        assertThat(program.get("version").asText()).isEqualTo("prompt_program.v1");
        assertThat(program.at("/seed_candidate/system").asText()).isEqualTo("Be brief.");
        assertThat(get("/dataset").body().at("/splits/train").asInt()).isEqualTo(10);
        assertThat(get("/task_info").body().get("task_id").asText()).isEqualTo("latch");
    }

    @Test
    void rowsComeOnePerSeedInOrderWithExampleIds() throws Exception {
        Answer a = post("/dataset/rows", "{\"split\":\"test\",\"seeds\":[4,0]}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("rows")).extracting(r -> r.get("example_id").asText()).containsExactly("test:4",
                "test:0");
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @CsvSource(delimiter = '|', value = {
        "/rollout|{not json|400|malformed_json",
        "/rollout|[1,2]|400|malformed_json",
        "/rollout|{\"seed\":\"one\",\"candidate\":{}}|400|wrong_type",
        "/rollout|{\"seed\":1,\"candidate\":{\"system\":42}}|400|wrong_type",
        "/rollout|{\"candidate\":{}}|400|missing_seed",
        "/rollout|{\"seed\":1}|400|missing_candidate",
        "/rollout|{\"seed\":1,\"candidate\":{\"tone\":\"x\"}}|422|unknown_candidate_field",
        "/rollout|{\"seed\":1,\"candidate\":{\"format\":\"x\"}}|422|non_mutable_field",
        "/rollout|{\"seed\":1,\"candidate\":{},\"policy\":{\"model\":\"m\",\"extra\":{\"OPENAI_API_KEY\":\"s\"}}}|422|api_key_in_body",
        "/rollouts|{\"seed\":1,\"candidate\":{},\"api_key\":\"s\"}|422|api_key_in_body",
        "/rollout|{\"seed\":99,\"candidate\":{}}|400|unknown_example",
        "/rollout|{\"seed\":1,\"split\":\"validation\",\"candidate\":{}}|400|unknown_example",
        "/dataset/rows|{\"seeds\":[1]}|400|missing_split",
        "/dataset/rows|{\"split\":\"train\"}|400|missing_seeds",
        "/dataset/rows|{\"split\":\"train\",\"seeds\":[\"a\"]}|400|wrong_type",
        "/dataset/rows|{\"split\":\"dev\",\"seeds\":[1]}|400|unknown_example",
    })
    void clientMistakesGetA4xxWithAJsonBodyThatSaysWhatIsWrong(String route, String body, int status, String code)
            throws Exception {
        Answer a = post(route, body);

        assertThat(a.status()).isEqualTo(status);
        assertThat(a.body().get("error").asText()).isEqualTo(code);
        assertThat(a.body().get("detail").asText()).startsWith(route.equals("/rollouts") ? "/rollout" : route)
                .hasSizeGreaterThan(route.length() + 20);
        assertThat(get("/health").status()).isEqualTo(200);
    }

    @Test
    void anOversizedBodyGets413AndTheServerKeepsServing() throws Exception {
        String big = "{\"seed\":1,\"candidate\":{\"system\":\"" + "x".repeat(8000) + "\"}}";

        Answer a = post("/rollout", big);

        assertThat(a.status()).isEqualTo(413);
        assertThat(a.body().get("error").asText()).isEqualTo("body_too_large");
        assertThat(a.body().get("detail").asText()).contains("4096");
        assertThat(post("/rollout", "{\"seed\":1,\"candidate\":{}}").status()).isEqualTo(200);
    }

    @Test
    void anUnknownRouteIsA404WithAJsonBody() throws Exception {
        Answer a = get("/nope");

        assertThat(a.status()).isEqualTo(404);
        assertThat(a.body().get("error").asText()).isEqualTo("unknown_route");
    }

    @Test
    void aRolloutRunsTheFullCandidateAndReportsRewardUsageAndTrace() throws Exception {
        Answer a = post("/rollout", "{\"rollout_id\":\"ok-1\",\"seed\":2,\"split\":\"train\",\"candidate\":"
                + "{\"system\":\"abcd\"},\"policy\":{\"provider\":\"embedded\",\"model\":\"m\"}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("rollout_id").asText()).isEqualTo("ok-1");
        assertThat(a.body().get("status").asText()).isEqualTo("completed");
        assertThat(a.body().at("/reward_info/outcome_reward").asDouble()).isEqualTo(1.0);
        assertThat(a.body().at("/summary/prediction").asText()).isEqualTo("even");
        assertThat(a.body().at("/verifier/passed").asBoolean()).isTrue();
        assertThat(a.body().get("example_id").asText()).isEqualTo("train:2");
    }

    @Test
    void anExceptionInTheHandlerIsAFailedResultWithTheErrorInTheTrace() throws Exception {
        Answer a = post("/rollout", "{\"rollout_id\":\"boom-1\",\"seed\":3,\"candidate\":{}}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("status").asText()).isEqualTo("failed");
        assertThat(a.body().at("/reward_info/outcome_reward").asDouble()).isZero();
        assertThat(a.body().at("/trace/error").asText()).contains("policy crashed on purpose");
    }

    @Test
    void aRepeatedRolloutIdReturnsTheFirstResultWithoutRunningAgain() throws Exception {
        String body = "{\"rollout_id\":\"same-1\",\"seed\":1,\"candidate\":{\"system\":\"abc\"}}";
        Answer first = post("/rollout", body);
        int calls = TASK.rollouts.get();

        Answer again = post("/rollout", body);

        assertThat(again.body()).isEqualTo(first.body());
        assertThat(TASK.rollouts.get()).isEqualTo(calls);
    }

    @Test
    void sixtyFourRolloutsRunConcurrently() throws Exception {
        int n = 64;
        TASK.gate = new CountDownLatch(n);
        TASK.maxInFlight.set(0);
        List<Future<Answer>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < n; i++) {
                String body = "{\"rollout_id\":\"conc-" + i + "\",\"seed\":1,\"candidate\":{}}";
                answers.add(pool.submit(() -> post("/rollout", body)));
            }
            for (Future<Answer> f : answers) {
                assertThat(f.get().status()).isEqualTo(200);
            }
        } finally {
            TASK.gate = null;
        }
        // every rollout waited at the gate until all 64 had arrived, so all 64 were in the handler at once
        assertThat(TASK.maxInFlight.get()).isEqualTo(n);
    }
}
