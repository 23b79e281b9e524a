package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.faults.Fault;
import dev.gepa4j.testkit.faults.FaultyContainer;
import dev.gepa4j.testkit.faults.HostileProxy;
import dev.gepa4j.testkit.faults.LatencyModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Containers that answer too slowly or too much, over real loopback HTTP: every exchange ends by its whole-response
 * deadline (a body that dribbles in one byte a second cannot outlast it), and no body larger than the cap is
 * accepted or held. The JUnit timeouts only bound the tests; a dribble would run for ten minutes.
 */
class HostileResponsesTest {

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aDiscoveryRouteThatDribblesEndsAtTheDiscoveryDeadline() {
        try (ContainerServer upstream = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             HostileProxy proxy = HostileProxy.start(upstream.url()).dribble("/program");
             HttpTaskContainer client = new HttpTaskContainer(proxy.url(),
                     HttpContainerOptions.defaults().withDiscoveryTimeout(Duration.ofSeconds(2)))) {
            assertThatThrownBy(client::preflight)
                    .isInstanceOf(RetriableContainerException.class)
                    .hasMessageContaining("/program did not answer completely within 2000 ms")
                    // the discovery deadline is not a user setting: the hint must not send users looking for one
                    .hasMessageContaining("make the route answer within 2 s")
                    .hasMessageNotContaining("timeout_seconds");
            assertThat(proxy.requests("/program")).isEqualTo(1);
        }
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aRolloutThatDribblesEndsAtItsTimeout() {
        try (FaultyContainer c = FaultyContainer.start(arrival -> Fault.DRIBBLE, LatencyModel.ZERO, 0, 0);
             HttpTaskContainer client = new HttpTaskContainer(c.url())) {
            assertThatThrownBy(() -> client.rollout(HttpTaskContainerStatusTest.request("slow", Duration.ofSeconds(1))))
                    .isInstanceOfSatisfying(RetriableContainerException.class,
                            e -> assertThat(e.isUnreachable()).isFalse())
                    .hasMessageContaining("did not answer completely within 1000 ms")
                    .hasMessageContaining("raise [container] timeout_seconds");
            assertThat(c.injected(Fault.DRIBBLE)).isEqualTo(1);
        }
    }

    @Test
    void aRolloutBodyOverTheCapIsAContractViolationNamingItsSize() {
        try (FaultyContainer c = FaultyContainer.start(arrival -> Fault.OVERSIZED, LatencyModel.ZERO, 0, 0);
             HttpTaskContainer client = new HttpTaskContainer(c.url())) {
            assertThatThrownBy(() -> client.rollout(HttpTaskContainerStatusTest.request("big", Duration.ofSeconds(30))))
                    .isInstanceOfSatisfying(NonRetriableContainerException.class,
                            e -> assertThat(e.isContractViolation()).isTrue())
                    .hasMessageContaining("contract violation at " + c.url() + "/rollout")
                    .hasMessageContaining("over the cap of " + ContainerHttp.DEFAULT_MAX_BODY_BYTES + " bytes")
                    .hasMessageContaining("max_response_mb");
        }
    }

    @Test
    void theCapIsConfigurableAndAppliesToDiscoveryToo() {
        try (ContainerServer upstream = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             HostileProxy proxy = HostileProxy.start(upstream.url()).oversize("/dataset", 2_000_000);
             HttpTaskContainer roomy = new HttpTaskContainer(proxy.url());
             HttpTaskContainer tight = new HttpTaskContainer(proxy.url(),
                     HttpContainerOptions.defaults().withCaps(1_000_000, 1_000))) {
            org.assertj.core.api.Assertions.assertThatCode(roomy::dataset).as("2 MB is under the default cap")
                    .doesNotThrowAnyException();
            assertThatThrownBy(tight::dataset)
                    .isInstanceOf(NonRetriableContainerException.class)
                    .hasMessageContaining("/dataset")
                    .hasMessageMatching("(?s).*the response body is (more than )?\\d+ bytes, over the cap of 1000000 bytes.*");
        }
    }

    @Test
    void aLongTraceIsStoredAsANoteWithItsSizeAndBeginning() {
        try (ContainerServer upstream = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             HttpTaskContainer client = new HttpTaskContainer(upstream.url(),
                     HttpContainerOptions.defaults().withCaps(ContainerHttp.DEFAULT_MAX_BODY_BYTES, 80))) {
            client.preflight();
            var row = client.rows(Split.TRAIN, List.of(0L)).getFirst();
            RolloutResult r = client.rollout(new dev.gepa4j.core.container.RolloutRequest("t-1", "run", "gepa_0",
                    java.util.Map.of(CarryArithmeticTask.FIELD, CarryArithmeticTask.SEED_PROMPT), row, dev.gepa4j.core.model.PolicySpec.of("embedded", "d"),
                    Duration.ofSeconds(30)));

            JsonNode note = ContractCodec.readTree(r.traceJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(note.get("truncated").asBoolean()).isTrue();
            assertThat(note.get("original_chars").asInt()).isGreaterThan(80);
            assertThat(note.get("head").asText()).isEqualTo("{\"event_");
            assertThat(r.traceJson().length()).isLessThanOrEqualTo(80);
            assertThat(r.measured()).as("the rollout itself is unharmed").isTrue();
        }
    }
}
