package dev.gepa4j.runtime.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.containers.Violation;
import dev.gepa4j.testkit.containers.ViolatingContainer;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConformanceCheckTest {

    @Test
    void aJavaSdkContainerIsConformantAndEveryCheckIsReportedInOrder() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults())) {
            List<CheckResult> streamed = new ArrayList<>();

            ConformanceReport report = ConformanceCheck.of(server.url()).run(streamed::add);

            assertThat(report.conformant()).as(report.checks().toString()).isTrue();
            assertThat(streamed).isEqualTo(report.checks());
            assertThat(report.checks()).extracting(CheckResult::name).containsExactly(
                    "GET /health answers ok",
                    "GET /metadata declares the gepa contract",
                    "GET /task_info",
                    "GET /program has mutable fields and a seed covering them",
                    "GET /dataset",
                    "POST /dataset/rows gives one row per seed",
                    "POST /rollout with the seed candidate on train seed 0",
                    "POST /dataset/rows for the heldout split 'test'",
                    "POST /rollout with the seed candidate on heldout seed 0",
                    "POST /rollout repeated with the same rollout_id gives the first result",
                    "POST /rollout with an api_key field in the body is refused",
                    "GET /metadata without the container's key is refused",
                    "GET /task_info describes the task");
            assertThat(report.verdict(false)).isEqualTo("conformant");
            assertThat(report.checks().get(11).outcome()).isEqualTo(CheckResult.Outcome.SKIPPED);
            assertThat(report.checks().get(1).detail()).contains("synth_optimizers.gepa.v2");
            assertThat(report.checks().get(6).detail()).contains("from reward_info.outcome_reward");
        }
    }

    @Test
    void aContainerThatNeedsAKeyIsConformantWhenTheKeyIsGiven() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withApiKey("k-1"))) {
            ConformanceReport withKey = new ConformanceCheck(server.url(), "k-1", "train", "test",
                    Duration.ofSeconds(10)).run();
            ConformanceReport withoutKey = ConformanceCheck.of(server.url()).run();

            assertThat(withKey.conformant()).isTrue();
            assertThat(withKey.warnings()).isEmpty();
            assertThat(withKey.checks()).filteredOn(c -> c.id().equals("auth.key_enforced")).singleElement()
                    .satisfies(c -> assertThat(c.outcome()).isEqualTo(CheckResult.Outcome.PASSED))
                    .satisfies(c -> assertThat(c.detail()).isEqualTo("HTTP 401"));
            assertThat(withoutKey.conformant()).isFalse();
            assertThat(withoutKey.firstViolation().orElseThrow().detail()).contains("HTTP 401", "X-API-Key");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "NO_CONTRACT_DECLARATION|GET /metadata declares the gepa contract|declares no gepa contract: add "
                + "metadata.optimizer_contracts.gepa",
        "ROLLOUT_WITHOUT_REWARD|POST /rollout with the seed candidate on train seed 0|has no reward: put a number "
                + "in [0,1] at reward_info.outcome_reward",
        "REWARD_AS_STRING|POST /rollout with the seed candidate on train seed 0|reward_info.outcome_reward is a "
                + "string (\"1.0\"), not a number",
        "BODY_NOT_JSON|POST /rollout with the seed candidate on train seed 0|not valid JSON",
        "FEWER_ROWS_THAN_SEEDS|POST /dataset/rows gives one row per seed|answered 2 rows for 3 seeds",
    })
    void eachViolationIsCaughtAtItsRouteWithWhatToFix(Violation violation, String failedCheck, String message) {
        try (ViolatingContainer server = ViolatingContainer.start(violation)) {
            ConformanceReport report = ConformanceCheck.of(server.url()).run();

            assertThat(report.conformant()).isFalse();
            CheckResult failed = report.firstViolation().orElseThrow();
            assertThat(failed.name()).isEqualTo(failedCheck);
            assertThat(failed.detail()).contains(message);
            assertThat(report.checks().getLast()).isEqualTo(failed);
        }
    }

    @Test
    void nothingListeningIsAFailedHealthCheckThatSaysToStartTheContainer() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }

        ConformanceReport report = ConformanceCheck.of("http://127.0.0.1:" + port).run();

        assertThat(report.conformant()).isFalse();
        assertThat(report.checks()).hasSize(1);
        assertThat(report.firstViolation().orElseThrow().detail()).contains("cannot reach", "start the container");
    }

    @Test
    void aMalformedUrlIsAFailedCheckNotACrash() {
        ConformanceReport report = ConformanceCheck.of("not a url").run();

        assertThat(report.conformant()).isFalse();
        assertThat(report.firstViolation().orElseThrow().detail()).contains("http://127.0.0.1:8080");
    }
}
