package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.RolloutModes;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Async rollouts over real HTTP: submission, polling, the timeout's terminate, and the queued record's shape. */
@Timeout(120)
class AsyncRolloutsTest {

    private static RolloutRequest request(String id, DatasetRow row, Map<String, String> candidate, Duration timeout) {
        return new RolloutRequest(id, "run-async", "cand", candidate, row, PolicySpec.of("embedded", "default"),
                timeout);
    }

    private static HttpContainerOptions fastPolling(SubmissionMode mode) {
        return HttpContainerOptions.defaults().withSubmission(new RolloutSubmission(mode, Duration.ofMillis(20),
                Duration.ofSeconds(30), Duration.ofSeconds(10)));
    }

    @Test
    void autoModeFollowsAnAsyncOnlySdkContainerAndGetsTheSameResultAsSync() {
        try (ContainerServer asyncServer = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withRolloutModes(RolloutModes.ASYNC_ONLY));
             ContainerServer syncServer = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             HttpTaskContainer async = new HttpTaskContainer(asyncServer.url(), fastPolling(SubmissionMode.AUTO));
             HttpTaskContainer sync = new HttpTaskContainer(syncServer.url(), fastPolling(SubmissionMode.AUTO))) {
            async.preflight();
            sync.preflight();
            DatasetRow row = async.rows(Split.TRAIN, List.of(3L)).get(0);
            Map<String, String> candidate = Map.of(CarryArithmeticTask.FIELD, "Add the numbers; carry every digit.");

            RolloutResult viaAsync = async.rollout(request("r-1", row, candidate, Duration.ofSeconds(30)));
            RolloutResult viaSync = sync.rollout(request("r-1", row, candidate, Duration.ofSeconds(30)));

            assertThat(async.asyncRollouts()).isTrue();
            assertThat(sync.asyncRollouts()).isFalse();
            assertThat(viaAsync.rolloutId()).isEqualTo("r-1");
            assertThat(viaAsync.status()).isEqualTo(RolloutStatus.OK);
            assertThat(viaAsync.reward()).isEqualTo(viaSync.reward()).isEqualTo(1.0);
            assertThat(viaAsync.output()).isEqualTo(viaSync.output());
        }
    }

    @Test
    void containerIdsThatDifferFromOursArePolledUntilCompleted() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().asyncOnly(150));
             HttpTaskContainer client = new HttpTaskContainer(server.url(), fastPolling(SubmissionMode.AUTO))) {
            client.preflight();
            DatasetRow even = client.rows(Split.TRAIN, List.of(4L)).get(0);

            RolloutResult r = client.rollout(request("ours-1", even, Map.of("instructions", "x"),
                    Duration.ofSeconds(30)));

            assertThat(r.rolloutId()).isEqualTo("ours-1");
            assertThat(r.reward()).isEqualTo(1.0);
            assertThat(server.submissionsOf("ours-1")).isEqualTo(1);
            assertThat(server.polls()).as("polled while running, then once more for the result").isGreaterThan(1);
            assertThat(server.terminated()).isEmpty();
        }
    }

    @Test
    void aRolloutPastTheAsyncTimeoutIsTerminatedAndFailsAsRetriable() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().asyncOnly(600_000));
             HttpTaskContainer client = new HttpTaskContainer(server.url(), fastPolling(SubmissionMode.ASYNC))) {
            client.preflight();
            DatasetRow row = client.rows(Split.TRAIN, List.of(2L)).get(0);

            assertThatThrownBy(() -> client.rollout(request("slow-1", row, Map.of("instructions", "x"),
                    Duration.ofMillis(500))))
                    .isInstanceOf(RetriableContainerException.class)
                    .hasMessageContaining("did not finish within")
                    .hasMessageContaining("terminate")
                    .hasMessageContaining("async_timeout_seconds");
            assertThat(server.terminated()).containsExactly("c-1");

            // the retry submits afresh: the terminated submission is not polled again
            assertThatThrownBy(() -> client.rollout(request("slow-1", row, Map.of("instructions", "x"),
                    Duration.ofMillis(300)))).isInstanceOf(RetriableContainerException.class);
            assertThat(server.submissionsOf("slow-1")).isEqualTo(2);
            assertThat(server.terminated()).containsExactlyInAnyOrder("c-1", "c-2");
        }
    }

    @Test
    void aQueuedAnswerWithoutRolloutIdIsAContractViolationSayingWhatToSend() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().asyncOnly(10)
                .omitIdWhenQueued());
             HttpTaskContainer client = new HttpTaskContainer(server.url(), fastPolling(SubmissionMode.AUTO))) {
            client.preflight();
            DatasetRow row = client.rows(Split.TRAIN, List.of(0L)).get(0);

            assertThatThrownBy(() -> client.rollout(request("no-id", row, Map.of("instructions", "x"),
                    Duration.ofSeconds(10))))
                    .isInstanceOfSatisfying(NonRetriableContainerException.class,
                            e -> assertThat(e.isContractViolation()).isTrue())
                    .hasMessageContaining("contract violation")
                    .hasMessageContaining("HTTP 202")
                    .hasMessageContaining("without a rollout_id")
                    .hasMessageContaining("GET /rollouts/{id}");
        }
    }

    @Test
    void aHeldSubmissionIsPolledNotSubmittedAgain() {
        SubmittedRollouts store = SubmittedRollouts.inMemory();
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().asyncOnly(100))) {
            DatasetRow row;
            try (HttpTaskContainer first = new HttpTaskContainer(server.url(), fastPolling(SubmissionMode.ASYNC))) {
                first.preflight();
                first.rememberSubmissionsIn(store);
                row = first.rows(Split.TRAIN, List.of(6L)).get(0);
                first.rollout(request("held-1", row, Map.of("instructions", "x"), Duration.ofSeconds(30)));
            }
            try (HttpTaskContainer second = new HttpTaskContainer(server.url(), fastPolling(SubmissionMode.ASYNC))) {
                second.preflight();
                second.rememberSubmissionsIn(store);
                RolloutResult again = second.rollout(request("held-1", row, Map.of("instructions", "x"),
                        Duration.ofSeconds(30)));
                assertThat(again.reward()).isEqualTo(1.0);
            }
            assertThat(server.submissionsOf("held-1")).isEqualTo(1);
            assertThat(store.find("held-1", server.url())).contains("c-1");
        }
    }
}
