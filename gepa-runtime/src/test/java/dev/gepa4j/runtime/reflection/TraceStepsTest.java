package dev.gepa4j.runtime.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TraceStepsTest {
    @Test
    void stepsKeepTheirTypeTextAndFieldAndAStepWithoutTextKeepsItsOtherKeysAsJson() {
        TraceSteps t = TraceSteps.parse("{\"event_history\":[{\"type\":\"input\",\"text\":\"hi\"},"
                + "{\"type\":\"prediction\",\"label\":\"card_arrival\",\"module_id\":\"classifier\"},"
                + "{\"text\":\"no type\",\"module_id\":\"  \"},\"a bare string\"]}");

        assertThat(t.steps()).containsExactly(new TraceSteps.Step("input", "hi", null),
                new TraceSteps.Step("prediction", "{\"label\":\"card_arrival\"}", "classifier"),
                new TraceSteps.Step("event", "no type", null), new TraceSteps.Step("event", "a bare string", null));
        assertThat(t.tagged()).isTrue();
        assertThat(t.unstructured()).isEmpty();
    }

    @Test
    void aTraceThatIsNotAListOfStepsIsKeptAsText() {
        assertThat(TraceSteps.parse("not json {").unstructured()).isEqualTo("not json {");
        assertThat(TraceSteps.parse("{\"spans\":[1]}").unstructured()).isEqualTo("{\"spans\":[1]}");
        assertThat(TraceSteps.parse("{}").unstructured()).isEmpty();
        assertThat(TraceSteps.parse(null).steps()).isEmpty();
    }

    @Test
    void aTraceCutAtStorageIsShownAsItsBeginningWithItsSize() {
        TraceSteps t = TraceSteps.parse("{\"truncated\":true,\"original_chars\":900000,\"head\":\"{\\\"event_history\\\":[\"}");

        assertThat(t.steps()).isEmpty();
        assertThat(t.unstructured()).startsWith("[the trace was 900000 chars, over the stored-trace cap")
                .endsWith("{\"event_history\":[");
    }
}
