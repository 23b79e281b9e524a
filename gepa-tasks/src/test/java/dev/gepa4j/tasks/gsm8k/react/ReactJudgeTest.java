package dev.gepa4j.tasks.gsm8k.react;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Usage;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReactJudgeTest {
    private static final BigDecimal GOLD = new BigDecimal("18");

    @Test
    void a_right_answer_after_tool_calls_scores_and_blames_no_field() {
        ReactVerdict v = judge(List.of(call(1, "16-3-4"), seen(1, "9"), call(2, "9*2"), seen(2, "18"),
                new ReactStep.Answer(3, "Answer: 18")), "Answer: 18");
        assertThat(v.correct()).isTrue();
        assertThat(v.toolAtFault()).isFalse();
        assertThat(v.feedback()).startsWith("Correct: 18.").contains("2 calculator calls, all succeeded");
    }

    @Test
    void no_tool_used_is_said_and_blamed_on_the_tool_guide() {
        ReactVerdict v = judge(List.of(new ReactStep.Answer(1, "9 * 2 = 28. Answer: 28")), "9 * 2 = 28. Answer: 28");
        assertThat(v.correct()).isFalse();
        assertThat(v.feedback()).startsWith("Expected 18 but the final answer was 28.")
                .contains("the calculator was never called");
        assertThat(v.toolAtFault()).isTrue();
        assertThat(v.systemPromptNote()).isEqualTo("the final answer was 28");
    }

    @Test
    void a_final_reply_without_an_answer_line_is_a_format_failure_on_the_system_prompt() {
        ReactVerdict v = judge(List.of(call(1, "9*2"), seen(1, "18"), new ReactStep.Answer(2, "She makes 18 dollars.")),
                "She makes 18 dollars.");
        assertThat(v.correct()).isFalse();
        assertThat(v.systemPromptNote()).contains("has no answer line (it ends on 18)").contains("'Answer: <number>'");
        assertThat(v.toolAtFault()).as("the tool part did its job").isFalse();
    }

    @Test
    void the_right_tool_result_not_used_is_pointed_out() {
        ReactVerdict v = judge(List.of(call(1, "9*2"), seen(1, "18"), new ReactStep.Answer(2, "Answer: 81")),
                "Answer: 81");
        assertThat(v.toolGuideNote()).contains("returned the right number 18 at step 1 but the final answer did not use it");
        assertThat(v.toolAtFault()).isTrue();
    }

    @Test
    void an_intermediate_tool_result_given_as_the_answer_is_pointed_out() {
        ReactVerdict v = judge(List.of(call(1, "16-3-4"), seen(1, "9"), new ReactStep.Answer(2, "Answer: 9")),
                "Answer: 9");
        assertThat(v.toolGuideNote()).contains("the answer 9 is the calculator's result at step 1, a wrong or "
                + "intermediate value");
    }

    @Test
    void failed_tool_calls_are_counted_with_the_first_error() {
        ReactVerdict v = judge(List.of(new ReactStep.ToolCall(1, "c1", "search", "{}"),
                new ReactStep.Observation(1, "c1", null, "error: there is no tool named 'search'"),
                new ReactStep.Answer(2, "Answer: 17")), "Answer: 17");
        assertThat(v.toolGuideNote()).contains("1 of 1 calculator calls failed; the first at step 1: error: there is "
                + "no tool named 'search'").contains("no calculator call succeeded");
        assertThat(v.toolAtFault()).isTrue();
    }

    @Test
    void steps_exhausted_is_said_on_both_fields() {
        List<ReactStep> steps = new ArrayList<>();
        for (int turn = 1; turn <= 3; turn++) {
            steps.add(call(turn, "1+1"));
            steps.add(seen(turn, "2"));
        }
        ReactVerdict v = new ReactJudgeFixture(steps, null, 3).judge();
        assertThat(v.correct()).isFalse();
        assertThat(v.feedback()).startsWith("Expected 18 but the steps ran out: the agent asked for tools in all 3 of "
                + "its steps and never gave a final answer.");
        assertThat(v.toolAtFault()).isTrue();
    }

    private static ReactVerdict judge(List<ReactStep> steps, String finalReply) {
        return new ReactJudgeFixture(steps, finalReply, 8).judge();
    }

    private static ReactStep.ToolCall call(int turn, String expression) {
        return new ReactStep.ToolCall(turn, "c" + turn, "calculator", "{\"expression\":\"" + expression + "\"}");
    }

    private static ReactStep.Observation seen(int turn, String value) {
        return new ReactStep.Observation(turn, "c" + turn, new BigDecimal(value), value);
    }

    private record ReactJudgeFixture(List<ReactStep> steps, String finalReply, int maxSteps) {
        ReactVerdict judge() {
            int turns = (int) steps.stream().mapToInt(s -> switch (s) {
                case ReactStep.Thought t -> t.turn();
                case ReactStep.ToolCall c -> c.turn();
                case ReactStep.Observation o -> o.turn();
                case ReactStep.Answer a -> a.turn();
            }).max().orElse(0);
            return ReactJudge.judge(new ReactTranscript(steps, finalReply, turns, maxSteps, Usage.ZERO), GOLD);
        }
    }
}
