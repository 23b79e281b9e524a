package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.container.NonRetriableContainerException;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The key's header, the public aliases /info and /rollouts, and the taskset routes, over real HTTP. */
class ContainerAuthAndRoutesTest {

    private static RolloutResult rollout(HttpTaskContainer c, DatasetRow row) {
        return c.rollout(new RolloutRequest("r-" + row.ref().exampleId(), "run", "cand",
                Map.of("instructions", "x"), row, PolicySpec.of("embedded", "default"), Duration.ofSeconds(10)));
    }

    @Test
    void theKeyTravelsAsBearerWhenAskedAndAsXApiKeyByDefault() {
        try (PublicShapeContainer bearer = PublicShapeContainer.start(PublicShapeContainer.shape()
                .requireKey("Authorization", "k-bear"));
             PublicShapeContainer plain = PublicShapeContainer.start(PublicShapeContainer.shape()
                     .requireKey("X-API-Key", "k-plain"));
             HttpTaskContainer viaBearer = new HttpTaskContainer(bearer.url(), HttpContainerOptions.defaults()
                     .withApiKey("k-bear").withAuth(ContainerAuth.parse("bearer")));
             HttpTaskContainer viaDefault = new HttpTaskContainer(plain.url(), HttpContainerOptions.defaults()
                     .withApiKey("k-plain"));
             HttpTaskContainer wrongHeader = new HttpTaskContainer(bearer.url(), HttpContainerOptions.defaults()
                     .withApiKey("k-bear"))) {
            viaBearer.preflight();
            viaDefault.preflight();

            assertThat(rollout(viaBearer, viaBearer.rows(Split.TRAIN, List.of(0L)).get(0)).reward()).isEqualTo(1.0);
            assertThat(rollout(viaDefault, viaDefault.rows(Split.TRAIN, List.of(1L)).get(0)).reward()).isEqualTo(0.0);
            assertThat(bearer.keysSeen()).isNotEmpty().allMatch("Bearer k-bear"::equals);
            assertThat(plain.keysSeen()).isNotEmpty().allMatch("k-plain"::equals);
            // the default header does not satisfy a container that reads Authorization
            assertThatThrownBy(wrongHeader::preflight).isInstanceOf(NonRetriableContainerException.class)
                    .hasMessageContaining("401");
        }
    }

    @Test
    void anUnknownAuthValueIsRefusedNamingTheChoices() {
        assertThatThrownBy(() -> ContainerAuth.parse("basic")).hasMessageContaining("\"x-api-key\"")
                .hasMessageContaining("\"bearer\"").hasMessageContaining("basic");
    }

    @Test
    void aContainerServingOnlyTheAliasesInfoAndRolloutsIsUsable() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().aliasesOnly());
             HttpTaskContainer client = new HttpTaskContainer(server.url())) {
            client.preflight();
            DatasetRow row = client.rows(Split.TRAIN, List.of(2L)).get(0);
            assertThat(rollout(client, row).reward()).isEqualTo(1.0);
            assertThat(server.submissionsOf("r-train:2")).isEqualTo(1);
        }
    }

    @Test
    void declaredTasksetRoutesGiveTheDatasetAndTheRows() {
        try (PublicShapeContainer server = PublicShapeContainer.start(PublicShapeContainer.shape().tasksets());
             HttpTaskContainer client = new HttpTaskContainer(server.url())) {
            client.preflight();
            assertThat(client.dataset().splitSizes()).containsEntry("train", 20).containsEntry("test", 20);
            List<DatasetRow> rows = client.rows(Split.HELDOUT, List.of(3L, 4L));
            assertThat(rows).extracting(r -> r.ref().exampleId()).containsExactly("test:3", "test:4");
            assertThat(rows.get(0).rowJson()).contains("number 3");
            assertThat(rollout(client, rows.get(1)).reward()).isEqualTo(1.0);
        }
    }
}
