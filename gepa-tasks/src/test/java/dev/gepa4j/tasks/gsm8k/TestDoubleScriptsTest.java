package dev.gepa4j.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TaskHandler;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.gsm8k.debate.DebatePrompts;
import dev.gepa4j.tasks.gsm8k.debate.DebateTaskHandler;
import dev.gepa4j.tasks.gsm8k.react.ReactPrompts;
import dev.gepa4j.tasks.gsm8k.react.ReactTaskHandler;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The GSM8K containers against the TEST DOUBLE's GSM8K scripts over loopback HTTP, on real train problems: the
 * double answers tool-enabled requests with tool calls and debate turns with solver and critic replies, and its
 * behaviour follows the prompts, so better prompts score higher (what an offline optimization run needs).
 */
class TestDoubleScriptsTest {
    private static final int ROWS = 40;
    private static final Gsm8kRows DATA = Gsm8kRows.bundled();
    private static OpenAiCompatibleTestServer server;

    @BeforeAll
    static void start() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void react_the_format_and_the_calculator_each_lift_the_score_and_tool_calls_reach_the_trace() {
        var react = new ReactTaskHandler(DATA, new PolicyModels(name -> null)::forPolicy, 8);
        String formatted = "Solve the problem step by step. Give the final answer in the format 'Answer: <number>'.";
        List<RolloutOutcome> seed = run(react, Map.of());
        List<RolloutOutcome> format = run(react, Map.of(ReactPrompts.SYSTEM_PROMPT, formatted));
        List<RolloutOutcome> tools = run(react, Map.of(ReactPrompts.SYSTEM_PROMPT, formatted,
                ReactPrompts.TOOL_GUIDE, "A calculator. Use it for every calculation, one step at a time."));

        assertThat(mean(seed)).as("the seed asks for no answer line").isZero();
        assertThat(seed).allMatch(o -> o.details().get("tool_calls").equals("0"));
        assertThat(mean(format)).isPositive().isLessThan(mean(tools));
        assertThat(mean(tools)).isGreaterThanOrEqualTo(0.8);
        assertThat(tools).allMatch(o -> Integer.parseInt(o.details().get("tool_calls")) > 0
                || o.trace().stream().noneMatch(e -> e.type().equals("tool_call")));
        RolloutOutcome withCalls = tools.stream().filter(o -> o.reward() == 1.0
                && Integer.parseInt(o.details().get("tool_calls")) >= 2).findFirst().orElseThrow();
        assertThat(withCalls.trace()).anyMatch(e -> e.type().equals("tool_call") && e.text().contains("calculator("))
                .anyMatch(e -> e.type().equals("observation"));
    }

    @Test
    void debate_the_solver_prompt_and_the_critic_prompt_each_fix_their_own_failures() {
        var debate = new DebateTaskHandler(DATA, new PolicyModels(name -> null)::forPolicy, 3);
        String careful = "Solve the problem step by step and restate the key facts first.";
        String checking = "Recompute every step of the solution's arithmetic before you decide.";
        List<RolloutOutcome> seed = run(debate, Map.of());
        List<RolloutOutcome> solverOnly = run(debate, Map.of(DebatePrompts.SOLVER_PROMPT, careful));
        List<RolloutOutcome> criticOnly = run(debate, Map.of(DebatePrompts.CRITIC_PROMPT, checking));
        List<RolloutOutcome> both = run(debate, Map.of(DebatePrompts.SOLVER_PROMPT, careful,
                DebatePrompts.CRITIC_PROMPT, checking));

        assertThat(mean(solverOnly)).isGreaterThan(mean(seed));
        assertThat(mean(criticOnly)).isGreaterThan(mean(seed));
        assertThat(mean(both)).isGreaterThan(Math.max(mean(solverOnly), mean(criticOnly)));
        assertThat(seed).filteredOn(o -> o.reward() == 0.0)
                .allMatch(o -> o.details().get("went_wrong").contains(DebatePrompts.CRITIC_PROMPT))
                .as("the seed critic accepts everything").allMatch(o -> o.details().get("ended_by").equals("accept"));
        RolloutOutcome revised = criticOnly.stream().filter(o -> o.reward() == 1.0
                && o.details().get("rounds").equals("2")).findFirst().orElseThrow();
        assertThat(revised.trace()).anyMatch(e -> e.type().equals("critic") && e.text().contains("(REJECT)"))
                .anyMatch(e -> e.type().equals("solver") && e.text().startsWith("round 2:"));
        assertThat(revised.verifier().feedback()).contains("revised to the right answer");
    }

    private static List<RolloutOutcome> run(TaskHandler handler, Map<String, String> overrides) {
        Map<String, String> candidate = new java.util.HashMap<>(handler.program().seedCandidate());
        candidate.putAll(overrides);
        List<RolloutOutcome> outcomes = new ArrayList<>();
        List<ExampleRow> rows = DATA.rows("train", LongStream.range(0, ROWS).boxed().toList());
        for (ExampleRow row : rows) {
            try {
                outcomes.add(handler.rollout(new RolloutCall("r", "run", "c", candidate, row,
                        new PolicySpec("openai", "test-double", server.baseUrl(), null, Map.of()))));
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return outcomes;
    }

    private static double mean(List<RolloutOutcome> outcomes) {
        return outcomes.stream().mapToDouble(RolloutOutcome::reward).average().orElseThrow();
    }
}
