package dev.gepa4j.tasks.gsm8k.debate;

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
import org.junit.jupiter.api.Test;

/** The debate loop against scripted TEST DOUBLE replies over loopback HTTP: turn order, conversations, the end rule. */
class DebateOverTheWireTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Gsm8kProblem EGGS = new Gsm8kProblem(0, "Janet sells 16 - 3 - 4 eggs at $2. How much?",
            "#### 18", new BigDecimal("18"));

    @Test
    void the_loop_runs_until_the_round_limit_when_the_critic_never_accepts_and_the_solver_keeps_its_conversation()
            throws Exception {
        try (OpenAiCompatibleTestServer server = OpenAiCompatibleTestServer.start()) {
            server.enqueue(ScriptedReply.answer("9 * 2 = 28\nAnswer: 28"),
                    ScriptedReply.answer("Hmm, not sure."),
                    ScriptedReply.answer("I keep it.\nAnswer: 28"),
                    ScriptedReply.answer("REJECT: 9 * 2 is 18."));

            RolloutOutcome outcome = handler(2).rollout(call(server));

            assertThat(outcome.reward()).isZero();
            assertThat(outcome.details()).containsEntry("ended_by", "rounds_exhausted").containsEntry("rounds", "2")
                    .containsEntry("went_wrong", "solver_prompt,critic_prompt");
            assertThat(outcome.trace()).extracting(TraceEvent::type)
                    .containsExactly("input", "policy", "solver", "critic", "solver", "critic", "verdict", "verdict");
            assertThat(outcome.trace()).filteredOn(e -> e.type().equals("critic")).extracting(TraceEvent::text)
                    .containsExactly("round 1 (UNCLEAR): Hmm, not sure.", "round 2 (REJECT): REJECT: 9 * 2 is 18.");
            assertThat(outcome.verifier().feedbackFor(DebatePrompts.CRITIC_PROMPT))
                    .contains("gave no ACCEPT or REJECT on the wrong answer 28");
            assertThat(outcome.verifier().feedbackFor(DebatePrompts.SOLVER_PROMPT))
                    .contains("round 1: answered 28, wrong");

            List<JsonNode> bodies = server.requests().stream().map(r -> read(r.body())).toList();
            assertThat(bodies).hasSize(4);
            assertThat(bodies.get(0).at("/messages/0/content").asText()).isEqualTo("solver text");
            assertThat(bodies.get(1).at("/messages/0/content").asText()).isEqualTo("critic text");
            assertThat(bodies.get(1).at("/messages/1/content").asText()).contains("A solver's solution:\n9 * 2 = 28");
            JsonNode solverAgain = bodies.get(2).path("messages");
            assertThat(solverAgain).hasSize(4);
            assertThat(solverAgain.get(2).path("role").asText()).isEqualTo("assistant");
            assertThat(solverAgain.get(3).path("content").asText()).startsWith("A critic reviewed your solution:\n"
                    + "Hmm, not sure.");
            assertThat(bodies.get(3).path("messages")).as("the critic reviews afresh").hasSize(2);
        }
    }

    @Test
    void accept_ends_the_debate_at_once() {
        try (OpenAiCompatibleTestServer server = OpenAiCompatibleTestServer.start()) {
            server.enqueue(ScriptedReply.answer("Answer: 18"), ScriptedReply.answer("Right. ACCEPT"));

            RolloutOutcome outcome = handler(3).rollout(call(server));

            assertThat(outcome.reward()).isEqualTo(1.0);
            assertThat(outcome.details()).containsEntry("ended_by", "accept").containsEntry("went_wrong", "");
            assertThat(outcome.verifier().feedbackByModule()).isEmpty();
            assertThat(server.requests()).hasSize(2);
        }
    }

    private static DebateTaskHandler handler(int rounds) {
        return new DebateTaskHandler(new Gsm8kRows(new Gsm8kSplits(List.of(EGGS), List.of(EGGS))),
                new PolicyModels(name -> null)::forPolicy, rounds);
    }

    private static RolloutCall call(OpenAiCompatibleTestServer server) {
        return new RolloutCall("r", "run", "c", Map.of(DebatePrompts.SOLVER_PROMPT, "solver text",
                DebatePrompts.CRITIC_PROMPT, "critic text"), new ExampleRow(EGGS.exampleId(), 0, "train", Map.of()),
                new PolicySpec("openai", "test-double", server.baseUrl(), null, Map.of()));
    }

    private static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
