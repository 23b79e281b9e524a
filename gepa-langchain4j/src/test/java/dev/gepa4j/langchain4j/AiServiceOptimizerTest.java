package dev.gepa4j.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.api.Evaluation;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.strategy.ProposalLimit;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import dev.langchain4j.agent.tool.Tool;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.SystemMessage;
import dev.langchain4j.service.UserMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An AI Service optimized end to end on a real OpenAI chat client ({@link OpenAiChatModel}) whose endpoint is the
 * OpenAI-compatible test double from gepa-testkit, standing in for a hosted model (a second test double stands in
 * for the reflection model); a real sqlite workspace records every rollout.
 */
class AiServiceOptimizerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    interface Router {
        @SystemMessage("Route the support ticket to a team.")
        @UserMessage("Ticket: {{it}}")
        String route(String ticket);
    }

    record Ticket(String text, String team) {
    }

    /** The service's tool: which team handles a topic. */
    static final class TeamDirectory {
        final List<String> asked = java.util.Collections.synchronizedList(new ArrayList<>());

        @Tool("the team that handles a topic")
        String teamOf(String topic) {
            asked.add(topic);
            return "billing";
        }
    }

    @TempDir
    Path dir;
    private OpenAiCompatibleTestServer serviceModel;
    private OpenAiCompatibleTestServer reflectionModel;

    @BeforeEach
    void start() {
        serviceModel = OpenAiCompatibleTestServer.start();
        reflectionModel = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stop() {
        serviceModel.close();
        reflectionModel.close();
    }

    @Test
    void theSeedTextsComeFromTheAnnotationsAndAToolsCallsAndResultsAreInTheTrace() throws Exception {
        for (int i = 0; i < 40; i++) {
            serviceModel.enqueue(toolCall("teamOf", "{\"topic\":\"refund\"}"),
                    new ScriptedReply.Completion("billing", "stop", -1, -1));
        }
        TeamDirectory directory = new TeamDirectory();
        AiServiceOptimizer<Router, Ticket, String> optimizer = builder()
                .configure(b -> b.tools(directory))
                .optimization(o -> settings(o, "tools"))
                .build();
        assertThat(optimizer.seedCandidate()).containsEntry(PromptFields.SYSTEM_MESSAGE,
                "Route the support ticket to a team.").containsEntry(PromptFields.USER_MESSAGE, "Ticket: {{it}}");

        OptimizedAiService<Router> optimized = optimizer.optimize();

        assertThat(directory.asked).contains("refund");
        assertThat(optimized.result().seedTrainMean()).isEqualTo(1.0);
        JsonNode events = JSON.readTree(firstTrainRollout("tools").result().traceJson()).get("event_history");
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("tool_call");
            assertThat(e.get("text").asText()).isEqualTo("teamOf({\"topic\":\"refund\"})");
            assertThat(e.get("module_id").asText()).isEqualTo(PromptFields.SYSTEM_MESSAGE);
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("tool_result");
            assertThat(e.get("text").asText()).isEqualTo("teamOf -> billing");
        });
        assertThat(events).anySatisfy(e -> {
            assertThat(e.get("type").asText()).isEqualTo("input");
            assertThat(e.get("text").asText()).isEqualTo("Ticket: I want a refund");
            assertThat(e.get("module_id").asText()).isEqualTo(PromptFields.USER_MESSAGE);
        });
        // what the model was sent is the candidate's text, rendered with the call's argument
        assertThat(serviceModel.requests().getFirst().body()).contains("Route the support ticket to a team.")
                .contains("Ticket: I want a refund");
    }

    @Test
    void aMetricThatThrowsGivesFailedRolloutsAndTheRunEnds() throws Exception {
        serviceModel.whenScriptEmpty(new ScriptedReply.Completion("billing", "stop", -1, -1));
        OptimizedAiService<Router> optimized = AiServiceOptimizer.builder(Router.class,
                        (Router r, Ticket t) -> r.route(t.text()),
                        (Ticket t, String answer) -> {
                            throw new IllegalStateException("metric bug");
                        })
                .chatModel(model())
                .optimization(o -> settings(o, "metric"))
                .build().optimize();

        assertThat(optimized.result().seedTrainMean()).isZero();
        RolloutRecord r = firstTrainRollout("metric");
        assertThat(r.result().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.result().error()).contains("the metric failed on the answer 'billing'").contains("metric bug");
    }

    @Test
    void aModelThatFailsGivesFailedRolloutsNamingTheModelAndTheRunEnds() throws Exception {
        serviceModel.whenScriptEmpty(new ScriptedReply.HttpError(400, null, "model not found"));
        OptimizedAiService<Router> optimized = builder().optimization(o -> settings(o, "model")).build().optimize();

        assertThat(optimized.result().seedTrainMean()).isZero();
        RolloutRecord r = firstTrainRollout("model");
        assertThat(r.result().status()).isEqualTo(RolloutStatus.FAILED);
        assertThat(r.result().error()).contains("the AI Service call failed (the model or a tool)");
    }

    private AiServiceOptimizer.Builder<Router, Ticket, String> builder() {
        return AiServiceOptimizer.builder(Router.class, (Router r, Ticket t) -> r.route(t.text()),
                        (Ticket t, String answer) -> answer.strip().equals(t.team()) ? Evaluation.of(1, "")
                                : Evaluation.of(0, "expected " + t.team() + " but the answer was " + answer))
                .chatModel(model()).describeExamples(Ticket::text);
    }

    private dev.gepa4j.api.Optimization.Builder<Ticket> settings(dev.gepa4j.api.Optimization.Builder<Ticket> o,
                                                                 String runId) {
        return o.train(List.of(new Ticket("I want a refund", "billing")))
                .heldout(List.of(new Ticket("Charged twice", "billing")))
                .proposer(ChatModelProposer.of(OpenAiChatModel.builder().baseUrl(reflectionModel.baseUrl())
                        .apiKey("no-key").modelName("reflection-test-double").maxRetries(0).build()))
                .budget(30).seed(1).mode(Mode.SERIAL).concurrency(1).stopWhen(new ProposalLimit(1))
                .workspace(dir.resolve("ws")).runId(runId).log(false);
    }

    private ChatModel model() {
        return OpenAiChatModel.builder().baseUrl(serviceModel.baseUrl()).apiKey("no-key")
                .modelName("service-test-double").maxRetries(0).timeout(Duration.ofSeconds(20)).build();
    }

    private RolloutRecord firstTrainRollout(String runId) {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            return ws.reader().rollouts(runId, 0).stream()
                    .filter(r -> r.result().example().split().label().equals("train")).findFirst().orElseThrow();
        }
    }

    /** An OpenAI chat completion asking for one tool call, in the wire format. */
    private static ScriptedReply toolCall(String tool, String argumentsJson) throws Exception {
        String args = JSON.writeValueAsString(argumentsJson);
        return new ScriptedReply.RawBody(200, "application/json", """
                {"id":"chatcmpl-1","object":"chat.completion","created":0,"model":"service-test-double",
                 "choices":[{"index":0,"message":{"role":"assistant","content":null,"tool_calls":[
                   {"id":"call_1","type":"function","function":{"name":"%s","arguments":%s}}]},
                   "finish_reason":"tool_calls"}],
                 "usage":{"prompt_tokens":5,"completion_tokens":5,"total_tokens":10}}
                """.formatted(tool, args));
    }
}
