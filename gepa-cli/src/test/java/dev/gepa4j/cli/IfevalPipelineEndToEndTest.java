package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.ifeval.container.IfevalPipelineContainer;
import dev.gepa4j.tasks.ifeval.container.PipelinePrompts;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ifeval-pipeline built-in end to end, as the example config and the docs tell a user to run it, with the
 * OpenAI-compatible TEST DOUBLE (in-process, loopback) as both the pipeline's policy model and the proposer.
 */
class IfevalPipelineEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void the_example_config_evolves_both_fields_of_the_pipeline() throws Exception {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            String example = Files.readString(RunCommandEndToEndTest.repoRoot()
                    .resolve("examples/configs/ifeval-pipeline-test-double.toml"));
            assertThat(example).contains("http://127.0.0.1:8089/v1").contains("builtin = \"ifeval-pipeline\"");
            Path config = dir.resolve("ifeval.toml");
            Files.writeString(config, example.replace("http://127.0.0.1:8089/v1", llm.baseUrl())
                    .replace("workspace = \"../../gepa-runs\"", "workspace = \"ws\"\nrun_id = \"ifeval-e2e\"")
                    .replace("test_size = 40", "test_size = 10"));

            String out = RunCommandEndToEndTest.run("run", config.toString(), "--no-console", "--quiet");

            assertThat(out).contains("ifeval-e2e: seed heldout").doesNotContain("EVERY PROPOSAL WAS REJECTED");
            JsonNode packet = JSON.readTree(dir.resolve("ws/ifeval-e2e/evidence/packet.json").toFile());
            assertThat(packet.at("/best/heldout").asDouble()).isGreaterThan(packet.at("/seed/heldout").asDouble());
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                List<Map<String, String>> texts = ws.reader().candidates("ifeval-e2e").stream()
                        .map(c -> (Map<String, String>) c.candidate().components()).toList();
                assertThat(texts).as("a candidate whose draft_prompt and revise_prompt both differ from the seed")
                        .anyMatch(t -> !t.get(PipelinePrompts.DRAFT_FIELD).equals(PipelinePrompts.SEED_DRAFT)
                                && !t.get(PipelinePrompts.REVISE_FIELD).equals(PipelinePrompts.SEED_REVISE));
            }
            assertThat(packet.at("/best/components/draft_prompt").asText()).isNotEqualTo(PipelinePrompts.SEED_DRAFT);
            assertThat(packet.at("/best/components/revise_prompt").asText())
                    .isNotEqualTo(PipelinePrompts.SEED_REVISE);
        }
    }

    @Test
    void gepa_check_passes_when_the_container_environment_points_at_the_test_double() {
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start()) {
            Map<String, String> env = Map.of(PolicyModels.BASE_URL_ENV, llm.baseUrl(), PolicyModels.MODEL_ENV,
                    "test-double");
            ContainerServer container = ContainerServer.start(IfevalPipelineContainer.create(new PolicyModels(env::get)),
                    ServerOptions.defaults().withRuntimeId("gepa4j_" + IfevalPipelineContainer.NAME));
            try {
                String out = RunCommandEndToEndTest.run("check", container.url());

                assertThat(out).contains("mutable [draft_prompt, revise_prompt]").endsWith("conformant\n");
                assertThat(llm.requests()).as("the check's rollouts ran both stages on the test double")
                        .hasSizeGreaterThanOrEqualTo(2)
                        .allSatisfy(r -> assertThat(r.lastUserText()).startsWith("<request>"));
            } finally {
                container.close();
            }
        }
    }

    @Test
    void serve_names_the_new_built_in() {
        assertThat(BuiltinContainers.NAMES).contains("ifeval-pipeline");
        assertThat(BuiltinContainers.handler("ifeval-pipeline").program().mutableFields())
                .containsExactlyInAnyOrder("draft_prompt", "revise_prompt");
    }
}
