package dev.gepa4j.runtime.check;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.PublicShapeContainer;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.RolloutModes;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Required and recommended checks, the verdict line, --strict and the JSON report, for each container shape. */
class ConformanceLevelsTest {

    private static ConformanceCheck fast(String url) {
        return ConformanceCheck.of(url).withPollInterval(Duration.ofMillis(20));
    }

    @Test
    void aContainerMissingOnlyHygieneIsConformantWithWarningsThatSayWhatToChange() {
        // the public shapes of a third-party container: aliases only, no key-field refusal, no task description
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().aliasesOnly()
                .withoutDescription())) {
            ConformanceReport report = fast(server.url()).run();

            assertThat(report.conformant()).as(report.checks().toString()).isTrue();
            assertThat(report.verdict(false)).isEqualTo("conformant with 2 warnings");
            assertThat(report.exitCode(false)).isZero();
            assertThat(report.warnings()).extracting(CheckResult::id)
                    .containsExactly("rollout.refuses_key_fields", "task_info.details");
            assertThat(report.warnings()).allMatch(w -> w.level() == CheckLevel.RECOMMENDED);
            assertThat(report.warnings().get(0).line()).startsWith("WARN  ").contains("reject any field whose name "
                    + "contains api_key with 422");
            assertThat(report.warnings().get(1).detail()).contains("add one");
            assertThat(report.checks().get(1).detail()).contains("alias /info");
        }
    }

    @Test
    void strictTurnsWarningsIntoFailures() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape())) {
            ConformanceReport report = fast(server.url()).run();

            assertThat(report.conformant(true)).isFalse();
            assertThat(report.exitCode(true)).isEqualTo(1);
            assertThat(report.verdict(true)).startsWith("not conformant (--strict turns warnings into failures): "
                    + "POST /rollout with an api_key field in the body is refused: ");
        }
    }

    @Test
    void anAsyncOnlySdkContainerIsCheckedInItsOwnModeAndIsConformant() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withRolloutModes(RolloutModes.ASYNC_ONLY))) {
            ConformanceReport report = fast(server.url()).run();

            assertThat(report.verdict(false)).as(report.checks().toString()).isEqualTo("conformant");
            assertThat(report.checks()).filteredOn(c -> c.id().equals("rollout.train")).singleElement()
                    .satisfies(c -> assertThat(c.name()).endsWith("(async, polled)"))
                    .satisfies(c -> assertThat(c.detail()).contains("queued as", "poll"));
        }
    }

    @Test
    void aQueuedAnswerWithoutRolloutIdIsARequiredFailure() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().asyncOnly(10)
                .omitIdWhenQueued())) {
            ConformanceReport report = fast(server.url()).run();

            assertThat(report.exitCode(false)).isEqualTo(1);
            CheckResult failed = report.firstViolation().orElseThrow();
            assertThat(failed.id()).isEqualTo("rollout.train");
            assertThat(failed.detail()).contains("HTTP 202 (queued) without a rollout_id", "GET /rollouts/{id}");
            assertThat(report.verdict(false)).startsWith("not conformant: POST /rollout");
            assertThat(report.checks().getLast()).isEqualTo(failed);
        }
    }

    @Test
    void aContainerReadingABearerTokenIsCheckedWithAuthBearerAndItsKeyEnforcementChecked() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape()
                .requireKey("Authorization", "k-9"))) {
            ConformanceReport viaBearer = new ConformanceCheck(server.url(), "k-9", "train", "test",
                    Duration.ofSeconds(10)).withAuth(ContainerAuth.BEARER).run();
            ConformanceReport viaHeader = new ConformanceCheck(server.url(), "k-9", "train", "test",
                    Duration.ofSeconds(10)).run();

            assertThat(viaBearer.conformant()).as(viaBearer.checks().toString()).isTrue();
            assertThat(viaBearer.checks()).filteredOn(c -> c.id().equals("auth.key_enforced")).singleElement()
                    .satisfies(c -> assertThat(c.outcome()).isEqualTo(CheckResult.Outcome.PASSED));
            assertThat(viaHeader.conformant()).isFalse();
            assertThat(viaHeader.firstViolation().orElseThrow().detail()).contains("HTTP 401");
        }
    }

    @Test
    void theJsonReportListsEveryCheckWithIdLevelPassedAndMessage() throws Exception {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().tasksets())) {
            ConformanceReport report = fast(server.url()).run();

            JsonNode json = new ObjectMapper().readTree(report.toJson(false));

            assertThat(json.get("conformant").asBoolean()).isTrue();
            assertThat(json.get("verdict").asText()).isEqualTo("conformant with 1 warning");
            assertThat(json.get("warnings").asInt()).isEqualTo(1);
            assertThat(json.get("checks")).hasSize(report.checks().size());
            JsonNode dataset = json.get("checks").get(4);
            assertThat(dataset.get("id").asText()).isEqualTo("dataset");
            assertThat(dataset.get("name").asText()).isEqualTo("GET /taskset");
            assertThat(dataset.get("level").asText()).isEqualTo("required");
            assertThat(dataset.get("passed").asBoolean()).isTrue();
            JsonNode keyFields = json.get("checks").get(10);
            assertThat(keyFields.get("id").asText()).isEqualTo("rollout.refuses_key_fields");
            assertThat(keyFields.get("level").asText()).isEqualTo("recommended");
            assertThat(keyFields.get("passed").asBoolean()).isFalse();
            assertThat(keyFields.get("message").asText()).contains("reject any field");
            assertThat(json.get("checks").get(11).get("skipped").asBoolean()).isTrue();
            assertThat(new ObjectMapper().readTree(report.toJson(true)).get("conformant").asBoolean()).isFalse();
        }
    }
}
