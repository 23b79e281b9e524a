package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.containers.Violation;
import dev.gepa4j.testkit.containers.ViolatingContainer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpTaskContainerTest {

    @Test
    void aSdkContainerPassesPreflightAndServesProgramRowsAndRollouts() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(),
                ServerOptions.defaults().withApiKey("k-123"));
             HttpTaskContainer container = new HttpTaskContainer(server.url(),
                     HttpContainerOptions.defaults().withApiKey("k-123"))) {
            container.preflight();
            ProgramSpec program = container.program();
            List<DatasetRow> heldout = container.rows(Split.HELDOUT, List.of(0L, 1L));
            List<DatasetRow> train = container.rows(Split.TRAIN, List.of(5L));

            RolloutResult seed = container.rollout(new RolloutRequest("r-seed", "run", "seed",
                    program.seedCandidate(), heldout.get(0), PolicySpec.of("embedded", "default"),
                    Duration.ofSeconds(5)));
            RolloutResult carrying = container.rollout(new RolloutRequest("r-carry", "run", "c1",
                    Map.of(CarryArithmeticTask.FIELD, "Add the numbers; carry every digit."), heldout.get(0),
                    PolicySpec.of("embedded", "default"), Duration.ofSeconds(5)));

            assertThat(program.mutableFields()).containsExactly(CarryArithmeticTask.FIELD);
            assertThat(container.dataset().splitSizes()).containsEntry("train", 24).containsEntry("test", 12);
            assertThat(container.taskInfo().taskId()).isEqualTo("carry_arithmetic");
            assertThat(heldout).extracting(r -> r.ref().exampleId()).containsExactly("test:0", "test:1");
            assertThat(train.get(0).ref().split()).isEqualTo(Split.TRAIN);
            assertThat(seed.status()).isEqualTo(RolloutStatus.OK);
            assertThat(seed.example()).isEqualTo(heldout.get(0).ref());
            assertThat(carrying.reward()).isEqualTo(1.0);
            assertThat(carrying.verifier().passed()).isTrue();
            assertThat(carrying.usage().totalTokens()).isPositive();
        }
    }

    @Test
    void preflightRefusesAContainerWithoutTheContractDeclaration() {
        try (ViolatingContainer server = ViolatingContainer.start(Violation.NO_CONTRACT_DECLARATION);
             HttpTaskContainer container = new HttpTaskContainer(server.url())) {
            assertThatThrownBy(container::preflight)
                    .isInstanceOfSatisfying(NonRetriableContainerException.class,
                            e -> assertThat(e.isContractViolation()).isTrue())
                    .hasMessageContaining("/metadata: declares no gepa contract")
                    .hasMessageContaining("optimizer_contracts.gepa");
        }
    }

    @Test
    void fewerRowsThanSeedsIsAContractViolation() {
        try (ViolatingContainer server = ViolatingContainer.start(Violation.FEWER_ROWS_THAN_SEEDS);
             HttpTaskContainer container = new HttpTaskContainer(server.url())) {
            assertThatThrownBy(() -> container.rows(Split.TRAIN, List.of(0L, 1L, 2L)))
                    .isInstanceOfSatisfying(NonRetriableContainerException.class,
                            e -> assertThat(e.isContractViolation()).isTrue())
                    .hasMessageContaining("/dataset/rows answered 2 rows for 3 seeds");
        }
    }

    @Test
    void candidateFieldsTheProgramDoesNotMarkMutableAreRefusedBeforeSending() {
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             HttpTaskContainer container = new HttpTaskContainer(server.url())) {
            container.preflight();
            DatasetRow row = container.rows(Split.TRAIN, List.of(0L)).get(0);

            assertThatThrownBy(() -> container.rollout(new RolloutRequest("r", "run", "c", Map.of("tone", "x"), row,
                    PolicySpec.of("embedded", "default"), Duration.ofSeconds(5))))
                    .isInstanceOfSatisfying(NonRetriableContainerException.class,
                            e -> assertThat(e.isContractViolation()).isTrue())
                    .hasMessageContaining("[tone]").hasMessageContaining("mutable");
        }
    }

    @Test
    void theOptionsNeverPrintTheKey() {
        assertThat(HttpContainerOptions.defaults().withApiKey("top-secret").toString()).doesNotContain("top-secret");
    }
}
