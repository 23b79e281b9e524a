package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gepa4j.core.container.ContainerException;
import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.testkit.containers.ScriptedStatusContainer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpTaskContainerStatusTest {
    private static ScriptedStatusContainer server;
    private static HttpTaskContainer client;

    @BeforeAll
    static void start() {
        server = ScriptedStatusContainer.start();
        client = new HttpTaskContainer(server.url());
    }

    @AfterAll
    static void stop() {
        client.close();
        server.close();
    }

    static RolloutRequest request(String id, Duration timeout) {
        return new RolloutRequest(id, "run", "gepa_000000000000", Map.of("system", "Be brief."),
                new DatasetRow(new ExampleRef(Split.TRAIN, 0, "train:0"), "{\"text\":\"q\"}", "q"),
                PolicySpec.of("embedded", "default"), timeout);
    }

    private static ContainerException failureFor(int status, String retryAfter, String body) {
        server.answerWith(status, retryAfter, "application/json", body);
        return catchThrowableOfType(ContainerException.class,
                () -> client.rollout(request("r-" + status, Duration.ofSeconds(5))));
    }

    @ParameterizedTest(name = "HTTP {0} is retriable")
    @ValueSource(ints = {408, 425, 429, 500, 502, 503, 504, 529})
    void overloadAndServerErrorsAreRetriableAndNameRouteAndStatus(int status) {
        ContainerException e = failureFor(status, null, "{\"error\":\"busy\"}");

        assertThat(e).isInstanceOf(RetriableContainerException.class);
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.endpoint()).isEqualTo(server.url());
        assertThat(e.getMessage()).contains("/rollout", "HTTP " + status, "busy", "retry later");
    }

    @ParameterizedTest(name = "HTTP {0} is not retriable")
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void otherClientErrorsAreNotRetriableAndNotContractViolations(int status) {
        ContainerException e = failureFor(status, null, "{\"error\":\"bad\",\"detail\":\"seed is missing\"}");

        assertThat(e).isInstanceOf(NonRetriableContainerException.class);
        assertThat(((NonRetriableContainerException) e).isContractViolation()).isFalse();
        assertThat(e.httpStatus()).isEqualTo(status);
        assertThat(e.getMessage()).contains("/rollout", "HTTP " + status, "seed is missing");
    }

    @Test
    void retryAfterInSecondsIsHonoured() {
        ContainerException e = failureFor(429, "7", "{}");

        assertThat(e.retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(e.getMessage()).contains("wait 7 s");
    }

    @Test
    void retryAfterAsAnHttpDateIsHonoured() {
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now().plusSeconds(60));

        ContainerException e = failureFor(503, inAMinute, "{}");

        assertThat(e.retryAfter()).hasValueSatisfying(d -> assertThat(d).isBetween(Duration.ofSeconds(30),
                Duration.ofSeconds(61)));
    }

    @Test
    void aBodyThatIsNotJsonIsAContractViolationKeepingTheCause() {
        server.answerWith(200, null, "text/html", "<html>done</html>");

        NonRetriableContainerException e = catchThrowableOfType(NonRetriableContainerException.class,
                () -> client.rollout(request("html", Duration.ofSeconds(5))));

        assertThat(e.isContractViolation()).isTrue();
        assertThat(e.getMessage()).contains("/rollout", "not valid JSON", "<html>done</html>");
        assertThat(e.getCause()).isNotNull();
    }

    @Test
    void aMissingRewardIsAContractViolationNeverZero() {
        server.answerWith(200, null, "application/json", "{\"rollout_id\":\"nr\",\"status\":\"completed\"}");

        assertThatThrownBy(() -> client.rollout(request("nr", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(NonRetriableContainerException.class,
                        e -> assertThat(e.isContractViolation()).isTrue())
                .hasMessageContaining("no reward");
    }

    @Test
    void aRewardThatIsAStringIsAContractViolation() {
        server.answerWith(200, null, "application/json", "{\"rollout_id\":\"s\",\"reward_info\":{\"outcome_reward\":\"1\"}}");

        assertThatThrownBy(() -> client.rollout(request("s", Duration.ofSeconds(5))))
                .isInstanceOfSatisfying(NonRetriableContainerException.class,
                        e -> assertThat(e.isContractViolation()).isTrue())
                .hasMessageContaining("is a string");
    }

    @Test
    void aRefusedConnectionIsRetriableWithNoStatus() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            freePort = s.getLocalPort();
        }
        try (HttpTaskContainer nobody = new HttpTaskContainer("http://127.0.0.1:" + freePort)) {
            assertThatThrownBy(() -> nobody.rollout(request("x", Duration.ofSeconds(2))))
                    .isInstanceOfSatisfying(RetriableContainerException.class, e -> {
                        assertThat(e.httpStatus()).isZero();
                        assertThat(e.isUnreachable()).as("refused: the container is down, not slow").isTrue();
                    })
                    .hasMessageContaining("cannot reach")
                    .hasCauseInstanceOf(java.io.IOException.class);
        }
    }

    @Test
    void aContainerThatNeverAnswersTimesOutAsRetriable() throws Exception {
        try (ServerSocket silent = new ServerSocket(0, 8, InetAddress.getLoopbackAddress());
             HttpTaskContainer slow = new HttpTaskContainer("http://127.0.0.1:" + silent.getLocalPort())) {
            assertThatThrownBy(() -> slow.rollout(request("slow", Duration.ofMillis(300))))
                    .isInstanceOfSatisfying(RetriableContainerException.class, e -> {
                        assertThat(e.httpStatus()).isZero();
                        assertThat(e.isUnreachable()).as("a timeout is not an unreachable container").isFalse();
                    })
                    .hasMessageContaining("did not answer completely within 300 ms");
        }
    }
}
