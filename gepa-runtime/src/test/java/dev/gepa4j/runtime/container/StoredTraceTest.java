package dev.gepa4j.runtime.container;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.runtime.reflection.TraceSteps;
import java.util.List;
import org.junit.jupiter.api.Test;

class StoredTraceTest {
    private static RolloutResult withTrace(String trace) {
        return new RolloutResult("r", "c", new ExampleRef(Split.TRAIN, 0, "train:0"), RolloutStatus.OK, 1.0, "out",
                null, trace, null, 1, 1, "http://127.0.0.1:1", false, null);
    }

    private static String steps(int n, int textChars) {
        StringBuilder json = new StringBuilder("{\"event_history\":[");
        for (int i = 0; i < n; i++) {
            json.append(i == 0 ? "" : ",").append("{\"type\":\"step").append(i).append("\",\"module_id\":\"f")
                    .append(i % 2).append("\",\"text\":\"").append("x".repeat(textChars)).append("\"}");
        }
        return json.append("],\"metadata\":{\"big\":\"").append("m".repeat(10_000)).append("\"}}").toString();
    }

    @Test
    void aLongTraceOfStepsKeepsEveryStepAndItsFieldWithItsTextCut() {
        String stored = StoredTrace.bounded(withTrace(steps(50, 5_000)), 20_000).traceJson();

        List<TraceSteps.Step> kept = TraceSteps.parse(stored).steps();
        assertThat(stored.length()).isLessThanOrEqualTo(20_000);
        assertThat(stored).contains("\"truncated\":true", "\"original_chars\":");
        assertThat(kept).hasSize(50);
        assertThat(kept.get(7).moduleId()).isEqualTo("f1");
        assertThat(kept.get(7).type()).isEqualTo("step7");
        assertThat(kept.get(7).text()).contains("chars cut]");
    }

    @Test
    void whenEvenShortStepsDoNotFitTheMiddleStepsAreCountedInOneNote() {
        String stored = StoredTrace.bounded(withTrace(steps(3_000, 100)), 20_000).traceJson();

        List<TraceSteps.Step> kept = TraceSteps.parse(stored).steps();
        assertThat(stored.length()).isLessThanOrEqualTo(20_000);
        assertThat(kept.getFirst().type()).isEqualTo("step0");
        assertThat(kept.getLast().type()).isEqualTo("step2999");
        assertThat(kept).anyMatch(s -> s.type().equals("note") && s.text().matches("\\[\\.\\.\\. \\d+ steps cut at storage]"));
    }

    @Test
    void aTraceThatFitsIsUntouchedAndOneWithoutStepsBecomesTheHeadNote() {
        RolloutResult small = withTrace(steps(2, 10));
        assertThat(StoredTrace.bounded(small, 1_000_000)).isSameAs(small);

        String stored = StoredTrace.bounded(withTrace("{\"spans\":\"" + "s".repeat(5_000) + "\"}"), 1_000)
                .traceJson();
        assertThat(stored).contains("\"truncated\":true", "\"head\":\"{\\\"spans\\\"");
    }
}
