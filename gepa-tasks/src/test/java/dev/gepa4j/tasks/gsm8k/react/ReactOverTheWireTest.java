package dev.gepa4j.tasks.gsm8k.react;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.gsm8k.Gsm8kProblem;
import dev.gepa4j.tasks.gsm8k.Gsm8kRows;
import dev.gepa4j.tasks.gsm8k.Gsm8kSplits;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ReAct episode against the OpenAI-compatible TEST DOUBLE over real HTTP on loopback: the request carries the
 * calculator in {@code tools}, scripted {@code tool_calls} come back, and every call (well formed or not) is
 * answered with a {@code tool} message.
 */
class ReactOverTheWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gsm8kProblem EGGS = new Gsm8kProblem(0, "Janet has 16 eggs, eats 3, bakes 4 and sells the "
            + "rest at $2. How much does she make?", "16-3-4=9, 9*2=18\n#### 18", new BigDecimal("18"));
    private OpenAiCompatibleTestServer server;

    @BeforeEach
    void start() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void malformed_tool_calls_become_readable_failed_steps_and_the_episode_goes_on() throws Exception {
        server.enqueue(
                ScriptedReply.toolCall("Let me search.", "c1", "search", "{\"q\": \"eggs\"}"),
                ScriptedReply.toolCall("", "c2", "calculator", "{expression: 16-3"),
                ScriptedReply.toolCall("", "c3", "calculator", "{\"expr\": \"1\"}"),
                ScriptedReply.toolCall("", "c4", "calculator", "{\"expression\": \"__import__('os').system('id')\"}"),
                ScriptedReply.toolCall("", "c5", "calculator", "{\"expression\": \"(16 - 3 - 4) * 2\"}"),
                ScriptedReply.answer("Answer: 18"));

        RolloutOutcome outcome = handler(8).rollout(call(Map.of(ReactPrompts.TOOL_GUIDE, "Use it for all arithmetic.")));

        assertThat(outcome.reward()).isEqualTo(1.0);
        List<String> errors = texts(outcome, "tool_error");
        assertThat(errors).containsExactly(
                "step 1: error: there is no tool named 'search'; the only tool is calculator({\"expression\": \"...\"})",
                "step 2: error: the arguments are not valid JSON ({expression: 16-3); send {\"expression\": \"12 * 4.5\"}",
                "step 3: error: the arguments have no \"expression\" string; send {\"expression\": \"12 * 4.5\"}",
                "step 4: error: unknown name '__import__' at position 0: the only function is sqrt(...); write the "
                        + "numbers themselves, e.g. 12*4.5 or (3+4)^2");
        assertThat(texts(outcome, "observation")).containsExactly("step 5: 18");
        assertThat(texts(outcome, "tool_call")).hasSize(5).first().isEqualTo("step 1: search({\"q\": \"eggs\"})");
        assertThat(texts(outcome, "thought")).containsExactly("step 1: Let me search.");
        assertThat(outcome.verifier().feedback()).contains("4 of 5 calculator calls failed; the first at step 1");
        assertThat(outcome.trace()).filteredOn(e -> e.type().equals("tool_call") || e.type().equals("tool_error"))
                .allMatch(e -> ReactPrompts.TOOL_GUIDE.equals(e.moduleId()));
        assertThat(outcome.trace()).filteredOn(e -> e.type().equals("answer") || e.type().equals("thought"))
                .allMatch(e -> ReactPrompts.SYSTEM_PROMPT.equals(e.moduleId()));
        assertThat(outcome.trace()).filteredOn(e -> e.type().equals("verdict")).extracting(TraceEvent::moduleId)
                .containsExactly(ReactPrompts.SYSTEM_PROMPT, ReactPrompts.TOOL_GUIDE);

        // the wire: tools declared with the tool guide as description, tool results sent back under their call ids
        JsonNode first = JSON.readTree(server.requests().getFirst().body());
        assertThat(first.at("/tools/0/type").asText()).isEqualTo("function");
        assertThat(first.at("/tools/0/function/name").asText()).isEqualTo("calculator");
        assertThat(first.at("/tools/0/function/description").asText()).isEqualTo("Use it for all arithmetic.");
        assertThat(first.at("/messages/0/content").asText()).isEqualTo(ReactPrompts.SEED_SYSTEM_PROMPT);
        JsonNode second = JSON.readTree(server.requests().get(1).body());
        JsonNode toolMessage = second.at("/messages/3");
        assertThat(toolMessage.path("role").asText()).isEqualTo("tool");
        assertThat(toolMessage.path("tool_call_id").asText()).isEqualTo("c1");
        assertThat(toolMessage.path("content").asText()).startsWith("error: there is no tool named 'search'");
        assertThat(server.requests()).hasSize(6);
    }

    @Test
    void an_agent_that_never_stops_calling_tools_ends_with_steps_exhausted() {
        for (int i = 1; i <= 3; i++) {
            server.enqueue(ScriptedReply.toolCall("", "c" + i, "calculator", "{\"expression\": \"1+" + i + "\"}"));
        }

        RolloutOutcome outcome = handler(3).rollout(call(Map.of()));

        assertThat(outcome.reward()).isZero();
        assertThat(outcome.verifier().feedback()).startsWith("Expected 18 but the steps ran out: the agent asked for "
                + "tools in all 3 of its steps");
        assertThat(outcome.verifier().feedbackFor(ReactPrompts.TOOL_GUIDE)).contains("3 calculator calls");
        assertThat(outcome.details()).containsEntry("steps", "3").containsEntry("tool_calls", "3");
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void a_plain_answer_without_tools_or_an_answer_line_is_a_format_failure_with_feedback_per_field() {
        server.enqueue(ScriptedReply.answer("She makes 18 dollars a day."));

        RolloutOutcome outcome = handler(8).rollout(call(Map.of()));

        assertThat(outcome.reward()).isZero();
        assertThat(outcome.verifier().feedbackFor(ReactPrompts.SYSTEM_PROMPT))
                .contains("the final reply has no answer line (it ends on 18)");
        assertThat(outcome.verifier().feedbackFor(ReactPrompts.TOOL_GUIDE)).contains("never called");
    }

    private ReactTaskHandler handler(int maxSteps) {
        Gsm8kRows rows = new Gsm8kRows(new Gsm8kSplits(List.of(EGGS), List.of(EGGS)));
        return new ReactTaskHandler(rows, new PolicyModels(name -> null)::forPolicy, maxSteps);
    }

    private RolloutCall call(Map<String, String> overrides) {
        Map<String, String> candidate = new java.util.HashMap<>(Map.of(
                ReactPrompts.SYSTEM_PROMPT, ReactPrompts.SEED_SYSTEM_PROMPT,
                ReactPrompts.TOOL_GUIDE, ReactPrompts.SEED_TOOL_GUIDE));
        candidate.putAll(overrides);
        ExampleRow row = new ExampleRow(EGGS.exampleId(), 0, "train", Map.of("question", EGGS.question()));
        return new RolloutCall("r1", "run", "cand", candidate, row,
                new PolicySpec("openai", "test-double", server.baseUrl(), null, Map.of()));
    }

    private static List<String> texts(RolloutOutcome outcome, String type) {
        return outcome.trace().stream().filter(e -> e.type().equals(type)).map(TraceEvent::text).toList();
    }
}
