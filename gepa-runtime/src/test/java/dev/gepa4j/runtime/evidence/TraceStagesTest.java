package dev.gepa4j.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TraceStagesTest {
    @Test
    void consecutiveStepsOfOneFieldFormOneStageAndUntaggedStepsTheirOwn() {
        List<TraceStages.Stage> stages = TraceStages.of("{\"event_history\":["
                + "{\"type\":\"input\",\"text\":\"q\"},"
                + "{\"type\":\"thought\",\"text\":\"t1\",\"module_id\":\"system_prompt\"},"
                + "{\"type\":\"tool_call\",\"text\":\"calc(2+2)\",\"module_id\":\"system_prompt\"},"
                + "{\"type\":\"observation\",\"text\":\"4\",\"module_id\":\"tool_guide\"},"
                + "{\"type\":\"answer\",\"text\":\"4\",\"module_id\":\"system_prompt\"}]}", 2_000);

        assertThat(stages).extracting(TraceStages.Stage::moduleId)
                .containsExactly(null, "system_prompt", "tool_guide", "system_prompt");
        assertThat(stages.get(1).steps()).containsExactly(new TraceStages.StepView("thought", "t1"),
                new TraceStages.StepView("tool_call", "calc(2+2)"));
    }

    @Test
    void aLongTraceIsCutPerStepAndInTotalWithACountOfWhatIsLeft() {
        StringBuilder json = new StringBuilder("{\"event_history\":[");
        for (int i = 0; i < 50; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"step\",\"module_id\":\"f").append(i % 2)
                    .append("\",\"text\":\"").append("x".repeat(5_000)).append("\"}");
        }
        List<TraceStages.Stage> stages = TraceStages.of(json.append("]}").toString(), 2_000);

        int shown = stages.stream().flatMap(s -> s.steps().stream()).mapToInt(s -> s.text().length()).sum();
        assertThat(shown).isLessThan(2_000 + 100);
        assertThat(stages.getFirst().steps().getFirst().text()).contains("chars cut]").hasSizeLessThanOrEqualTo(1_000);
        assertThat(stages.getLast().steps().getFirst().text()).matches("\\[\\.\\.\\. \\d+ more steps in the workspace]");
    }

    @Test
    void aTraceThatIsNotAListOfStepsHasNoStages() {
        assertThat(TraceStages.of("{\"spans\":[]}", 2_000)).isEmpty();
        assertThat(TraceStages.of("{}", 2_000)).isEmpty();
    }
}
