package dev.gepa4j.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.ContractCodec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The SDK's async rollouts over real HTTP: 202 and a queued record, polling, terminate, refusals, repeats. */
@Timeout(60)
class AsyncServingTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private record Answer(int status, JsonNode body) {
    }

    private static Answer send(ContainerServer server, String route, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.url() + route));
        if (body != null) {
            b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        HttpResponse<byte[]> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        return new Answer(r.statusCode(), ContractCodec.readTree(r.body()));
    }

    private static Answer pollUntilDone(ContainerServer server, String id) throws Exception {
        for (int i = 0; i < 400; i++) {
            Answer a = send(server, "/rollouts/" + id, null);
            String status = a.body().path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) {
                return a;
            }
            Thread.sleep(25);
        }
        throw new AssertionError("rollout " + id + " never finished");
    }

    @Test
    void anAsyncOnlyServerQueuesPollsAndAnswersRepeatsFromTheSameRecord() throws Exception {
        LatchTask task = new LatchTask();
        try (ContainerServer server = ContainerServer.start(task,
                ServerOptions.defaults().withRolloutModes(RolloutModes.ASYNC_ONLY))) {
            String body = "{\"rollout_id\":\"a-1\",\"seed\":2,\"candidate\":{\"system\":\"four\"}}";

            task.gate = new CountDownLatch(2); // the rollout waits until the queued answer is in hand
            Answer queued = send(server, "/rollout", body);
            task.gate.countDown();
            Answer done = pollUntilDone(server, "a-1");
            Answer again = send(server, "/rollouts", body);

            assertThat(send(server, "/metadata", null).body().at("/capabilities/rollout_modes").toString())
                    .isEqualTo("[\"async\"]");
            assertThat(queued.status()).isEqualTo(202);
            assertThat(queued.body().get("rollout_id").asText()).isEqualTo("a-1");
            assertThat(queued.body().get("status").asText()).isIn("queued", "running");
            assertThat(done.status()).isEqualTo(200);
            assertThat(done.body().get("status").asText()).isEqualTo("completed");
            assertThat(done.body().at("/reward_info/outcome_reward").asDouble()).isEqualTo(1.0);
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.body()).isEqualTo(done.body());
            assertThat(task.rollouts.get()).isEqualTo(1);
            assertThat(send(server, "/rollouts/nobody", null).status()).isEqualTo(404);
            // refusals come at once, never as a queued record
            assertThat(send(server, "/rollout", "{\"seed\":2,\"candidate\":{\"system\":\"x\"},\"policy\":"
                    + "{\"api_key\":\"k\"}}").status()).isEqualTo(422);
        }
    }

    @Test
    void terminateCancelsARunningRolloutAndInterruptsTheHandler() throws Exception {
        LatchTask task = new LatchTask();
        try (ContainerServer server = ContainerServer.start(task,
                ServerOptions.defaults().withRolloutModes(RolloutModes.SYNC_AND_ASYNC))) {
            Answer sync = send(server, "/rollout", "{\"rollout_id\":\"s-1\",\"seed\":1,\"candidate\":{\"system\":"
                    + "\"xx\"}}");
            task.gate = new CountDownLatch(2); // the async rollout waits for a second one that never comes
            Answer queued = send(server, "/rollout", "{\"submission_mode\":\"async\",\"rollout_id\":\"t-1\","
                    + "\"seed\":1,\"candidate\":{\"system\":\"x\"}}");
            for (int i = 0; i < 400 && task.gate.getCount() == 2; i++) {
                Thread.sleep(10);
            }

            Answer cancelled = send(server, "/rollouts/t-1/terminate", "{}");
            for (int i = 0; i < 400 && task.inFlight.get() > 0; i++) {
                Thread.sleep(10);
            }

            assertThat(sync.status()).as("without submission_mode async the answer is sync").isEqualTo(200);
            assertThat(queued.status()).isEqualTo(202);
            assertThat(cancelled.body().get("status").asText()).isEqualTo("cancelled");
            assertThat(task.inFlight.get()).as("the handler was interrupted, not left waiting").isZero();
            assertThat(send(server, "/rollouts/t-1", null).body().get("status").asText()).isEqualTo("cancelled");
        }
    }
}
