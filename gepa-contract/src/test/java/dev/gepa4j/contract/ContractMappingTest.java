package dev.gepa4j.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.ProgramResponse;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ContractMappingTest {

    private static <T> T read(String json, Class<T> type) {
        return ContractCodec.read(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static final RolloutRequest REQUEST = new RolloutRequest("r1", "run", "gepa_abc",
            Map.of("stage2_system", "Classify."),
            new DatasetRow(new ExampleRef(Split.HELDOUT, 7, "test:7"), "{\"text\":\"hi\",\"seed\":7}", "hi"),
            PolicySpec.of("openai", "gpt-4.1-nano"), Duration.ofSeconds(5));

    @Test
    void thePublicProgramDocumentBecomesACoreProgramWithItsMutableFieldsAndSeed() {
        ProgramSpec spec = ContractMapping.toProgramSpec(read("{\"version\":\"prompt_program.v1\",\"program_id\":\"b77\","
                + "\"modules\":[{\"module_id\":\"stage2_system\",\"role\":\"system\",\"content\":\"x\",\"mutable\":true,"
                + "\"candidate_field\":\"stage2_system\",\"template_variables\":[]},{\"module_id\":\"fmt\","
                + "\"content\":\"y\"}],\"target_modules\":[],\"seed_candidate\":{\"stage2_system\":\"Seed.\"}}",
                ProgramResponse.class));

        assertThat(spec.mutableFields()).containsExactly("stage2_system");
        assertThat(spec.seedCandidate()).containsEntry("stage2_system", "Seed.");
        assertThat(spec.modules()).hasSize(2);
    }

    @Test
    void aMutableModuleWithoutCandidateFieldIsAViolation() {
        assertThatThrownBy(() -> ContractMapping.toProgramSpec(read("{\"modules\":[{\"module_id\":\"s\","
                + "\"mutable\":true}]}", ProgramResponse.class)))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("no candidate_field");
    }

    @Test
    void splitSizesAreReadFromTheShapesContainersUse() {
        var info = ContractMapping.toDatasetInfo(read("{\"dataset_id\":\"d\",\"splits\":{\"train\":10,"
                + "\"test\":{\"size\":5}},\"split_counts\":{\"validation\":3}}", DatasetResponse.class));

        assertThat(info.splitSizes()).containsEntry("train", 10).containsEntry("test", 5).containsEntry("validation", 3);
    }

    @Test
    void rowsKeepSeedOrderAndTheirExampleIds() {
        List<DatasetRow> rows = ContractMapping.toRows(Split.TRAIN, List.of(4L, 2L), read("{\"rows\":["
                + "{\"id\":\"train:4\",\"question\":\"q4\"},{\"example_id\":\"train:2\",\"text\":\"t2\"}]}",
                DatasetRowsResponse.class));

        assertThat(rows).extracting(r -> r.ref().exampleId()).containsExactly("train:4", "train:2");
        assertThat(rows).extracting(r -> r.ref().seed()).containsExactly(4L, 2L);
        assertThat(rows).extracting(DatasetRow::inputText).containsExactly("q4", "t2");
    }

    @Test
    void fewerRowsThanSeedsIsAViolationThatCountsBoth() {
        assertThatThrownBy(() -> ContractMapping.toRows(Split.TRAIN, List.of(0L, 1L, 2L),
                read("{\"rows\":[{\"example_id\":\"a\"},{\"example_id\":\"b\"}]}", DatasetRowsResponse.class)))
                .isInstanceOf(ContractViolationException.class)
                .hasMessageContaining("2 rows for 3 seeds");
    }

    @Test
    void theRequestCarriesTheContainerSplitNameAndTheRowAsReceived() {
        var body = ContractCodec.readTree(RolloutMapping.writeRequest(REQUEST, "test"));

        assertThat(body.get("split").asText()).isEqualTo("test");
        assertThat(body.get("seed").asLong()).isEqualTo(7);
        assertThat(body.get("dataset_row").get("text").asText()).isEqualTo("hi");
        assertThat(body.get("candidate").get("stage2_system").asText()).isEqualTo("Classify.");
        assertThat(body.get("policy").get("model").asText()).isEqualTo("gpt-4.1-nano");
        assertThat(body.get("rollout_id").asText()).isEqualTo("r1");
    }

    @Test
    void aCompletedResponseBecomesAnOkResultWithUsageVerifierAndOutput() {
        RolloutResult result = RolloutMapping.toResult(REQUEST, read("{\"rollout_id\":\"r1\",\"status\":\"completed\","
                + "\"reward_info\":{\"outcome_reward\":1.0,\"details\":{\"prediction\":\"card_arrival\"}},"
                + "\"usage\":{\"prompt_tokens\":812,\"completion_tokens\":3,\"total_tokens\":815,\"cost_usd\":0.001},"
                + "\"trace\":{\"event_history\":[]},\"verifier\":{\"passed\":true,\"score\":1.0,\"feedback\":\"ok\"}}",
                RolloutResponseDoc.class), 12, 1, "http://c");

        assertThat(result.status()).isEqualTo(RolloutStatus.OK);
        assertThat(result.reward()).isEqualTo(1.0);
        assertThat(result.output()).isEqualTo("card_arrival");
        assertThat(result.usage().totalTokens()).isEqualTo(815);
        assertThat(result.verifier().passed()).isTrue();
        assertThat(result.example()).isEqualTo(REQUEST.row().ref());
    }

    @Test
    void aFailedResponseIsDataWithRewardZeroAndTheErrorText() {
        RolloutResult result = RolloutMapping.toResult(REQUEST, read("{\"rollout_id\":\"r1\",\"status\":\"failed\","
                + "\"trace\":{\"error\":\"TimeoutError: policy\"}}", RolloutResponseDoc.class), 5, 1, "http://c");

        assertThat(result.status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(result.reward()).isZero();
        assertThat(result.error()).isEqualTo("TimeoutError: policy");
    }

    @Test
    void aResponseForAnotherRolloutIdIsAViolation() {
        assertThatThrownBy(() -> RolloutMapping.toResult(REQUEST, read("{\"rollout_id\":\"other\",\"reward\":1}",
                RolloutResponseDoc.class), 1, 1, "http://c"))
                .isInstanceOf(ContractViolationException.class).hasMessageContaining("echo the request's rollout_id");
    }
}
