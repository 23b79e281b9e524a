package dev.gepa4j.tasks.ifeval.container;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The container over real HTTP on loopback, its policy the OpenAI-compatible TEST DOUBLE from gepa-testkit. */
class IfevalPipelineContainerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final Map<String, String> ENV = new HashMap<>();
    private static OpenAiCompatibleTestServer model;
    private static ContainerServer container;

    @BeforeAll
    static void start() {
        model = OpenAiCompatibleTestServer.start();
        container = ContainerServer.start(IfevalPipelineContainer.create(new PolicyModels(ENV::get)),
                ServerOptions.defaults());
    }

    @AfterAll
    static void stop() {
        container.close();
        model.close();
    }

    @Test
    void theProgramHasTwoMutableFieldsAndTaskInfoListsTheCheckedInstructions() throws Exception {
        JsonNode program = get("/program");
        List<String> fields = new ArrayList<>();
        program.get("modules").forEach(m -> {
            assertThat(m.get("mutable").asBoolean()).isTrue();
            fields.add(m.get("candidate_field").asText());
        });
        assertThat(fields).containsExactly("draft_prompt", "revise_prompt");
        assertThat(get("/task_info").toString()).contains("Checked instruction types (25)")
                .contains("punctuation:no_comma").contains("length_constraints:number_words");
        assertThat(get("/dataset").toString()).contains("\"validation\":100").contains("\"test\":200");
    }

    @Test
    void aRolloutTracesBothStagesAndAVerdictPerField() throws Exception {
        JsonNode result = rollout(3, PipelinePrompts.SEED_DRAFT, PipelinePrompts.SEED_REVISE, testDoublePolicy());

        assertThat(result.get("status").asText()).isEqualTo("completed");
        Map<String, List<String>> typesByField = new HashMap<>();
        for (JsonNode event : result.at("/trace/event_history")) {
            if (event.has("module_id")) {
                typesByField.computeIfAbsent(event.get("module_id").asText(), k -> new ArrayList<>())
                        .add(event.get("type").asText());
            }
        }
        assertThat(typesByField.get("draft_prompt")).containsExactly("input", "output", "verdict");
        assertThat(typesByField.get("revise_prompt")).containsExactly("input", "output", "verdict");
        String trace = result.at("/trace/event_history").toString();
        assertThat(trace).contains("<request>").contains("<draft>").contains("test-double at " + model.baseUrl());
        double reward = result.at("/reward_info/outcome_reward").asDouble();
        assertThat(reward).isBetween(0.0, 1.0);
        assertThat(result.at("/verifier/feedback").asText()).contains("checked instructions")
                .contains("The draft before revision followed");
        assertThat(result.at("/reward_info/details/followed").asText()).matches("\\d+/\\d+");
        assertThat(result.at("/reward_info/details/feedback_by_module/draft_prompt").asText()).startsWith("The draft");
        assertThat(result.at("/reward_info/details/feedback_by_module/revise_prompt").asText()).isNotBlank();
    }

    @Test
    void aPromptThatSpellsOutTheInstructionsScoresBetterWithTheTestDouble() throws Exception {
        String spelledOut = "Answer the request. Respect the word count. Never use a comma when commas are "
                + "forbidden. Use lowercase or capital letters as asked. Add a title, bullet points, highlights, "
                + "placeholders, a postscript, sections, a *** divider, JSON, double quotes, two responses, repeat "
                + "the request, end with the exact phrase, and 'my answer is' choices whenever the request asks.";
        String careful = PipelinePrompts.SEED_REVISE + " " + spelledOut
                + " Do not add a closing remark or sign-off after the answer.";
        double seed = 0;
        double better = 0;
        int rows = 24;
        for (int s = 0; s < rows; s++) {
            seed += rollout(s, PipelinePrompts.SEED_DRAFT, PipelinePrompts.SEED_REVISE, testDoublePolicy())
                    .at("/reward_info/outcome_reward").asDouble();
            better += rollout(s, spelledOut, careful, testDoublePolicy()).at("/reward_info/outcome_reward").asDouble();
        }
        System.out.printf("mean reward over %d train rows: seed %.3f, spelled-out %.3f%n", rows, seed / rows,
                better / rows);
        assertThat(better / rows).isGreaterThan(seed / rows + 0.1);
    }

    @Test
    void withNoModelConfiguredTheRolloutFailsSayingWhatToSet() throws Exception {
        ObjectNode embedded = JSON.createObjectNode().put("provider", "embedded").put("model", "all-minilm-l6-v2-q");

        JsonNode result = rollout(0, PipelinePrompts.SEED_DRAFT, PipelinePrompts.SEED_REVISE, embedded);

        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(result.at("/trace/error").asText()).contains("no policy chat model is configured")
                .contains("OPENAI_BASE_URL").contains("GEPA_POLICY_MODEL");
    }

    private static ObjectNode testDoublePolicy() {
        return JSON.createObjectNode().put("provider", "openai").put("model", "test-double")
                .put("base_url", model.baseUrl());
    }

    private static JsonNode rollout(int seed, String draft, String revise, ObjectNode policy) throws Exception {
        ObjectNode body = JSON.createObjectNode().put("seed", seed).put("split", "train");
        body.putObject("candidate").put("draft_prompt", draft).put("revise_prompt", revise);
        body.set("policy", policy);
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(container.url() + "/rollout"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return JSON.readTree(r.body());
    }

    private static JsonNode get(String route) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(container.url() + route)).build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(r.body());
    }
}
