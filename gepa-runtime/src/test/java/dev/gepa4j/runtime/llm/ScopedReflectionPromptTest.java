package dev.gepa4j.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.runtime.reflection.ReflectionBounds;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the reflection prompt for one field shows of multi-field traces, and that it stays within its bound. */
class ScopedReflectionPromptTest {
    private static final LlmProposerSettings SETTINGS = LlmProposerSettings.of("openai", "m",
            "http://127.0.0.1:9/v1", null, null, null, null, null, null, null, null, null, null);

    /** A trace of {@code steps} steps: (module_id or null, type, text). */
    private static String trace(List<String[]> steps) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        ArrayNode events = root.putArray("event_history");
        for (String[] s : steps) {
            ObjectNode e = events.addObject().put("type", s[1]).put("text", s[2]);
            if (s[0] != null) {
                e.put("module_id", s[0]);
            }
        }
        return root.toString();
    }

    private static ProposalPacket packet(List<FailureCase> failures, List<FailureCase> successes) {
        Candidate parent = Candidate.of(0, Map.of("router", "Route it.", "classifier", "Classify it."), List.of(),
                "seed");
        return new ProposalPacket(1, parent, List.of("router"), List.of("router", "classifier"), failures, successes,
                Map.of(), 0.2, null, "1 member", "Route, then classify.", "", List.of(), 1, 7L, null);
    }

    private static FailureCase twoStageCase(String id) {
        String trace = trace(List.of(new String[] {null, "input", "INPUT-" + id},
                new String[] {"router", "output", "ROUTER-STEP-" + id},
                new String[] {"router", "verdict", "ROUTER-VERDICT-" + id},
                new String[] {"classifier", "output", "CLASSIFIER-STEP-" + id},
                new String[] {"classifier", "verdict", "CLASSIFIER-VERDICT-" + id},
                new String[] {null, "final", "FINAL-" + id}));
        VerifierResult v = new VerifierResult(false, 0.0, "OVERALL-" + id)
                .withFeedbackFor("router", "ROUTER-FEEDBACK-" + id);
        return new FailureCase(id, "ticket " + id, "cards/other", 0.0, v, trace);
    }

    private static String render(ProposalPacket p, String field) {
        return ReflectionPrompt.render(MetaPrompt.builtIn(), p, field, SETTINGS, 1);
    }

    @Test
    void aFiftyStepTraceOnEveryShownExampleKeepsTheWholePromptUnderItsBound() {
        List<String[]> steps = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            steps.add(new String[] {i % 2 == 0 ? "router" : null, i % 3 == 0 ? "tool_call" : "observation",
                    ("step " + i + " ").repeat(2_000)});
        }
        String huge = trace(steps);
        List<FailureCase> failures = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            failures.add(new FailureCase("train:" + i, "question ".repeat(3_000), "answer ".repeat(3_000), 0.0,
                    new VerifierResult(false, 0.0, "wrong ".repeat(2_000)).withFeedbackFor("router",
                            "misrouted ".repeat(2_000)), huge, "boom ".repeat(1_000)));
        }
        ProposalPacket p = packet(failures, failures.subList(0, 3));

        String prompt = render(p, "router");

        assertThat(huge.length()).isGreaterThan(500_000);
        assertThat(prompt.length()).isLessThanOrEqualTo(ReflectionBounds.DEFAULT.maxPromptChars());
        assertThat(prompt).contains("chars cut]").contains("[tool_call] step 0 ").contains("### Failure 8")
                .doesNotContain("### Failure 9").contains("(4 more not shown)");
    }

    @Test
    void aTighterPromptBoundShrinksTheExamplesInsteadOfDroppingTheCurrentText() {
        List<FailureCase> failures = List.of(twoStageCase("a"), twoStageCase("b"), twoStageCase("c"));
        ReflectionBounds tight = new ReflectionBounds(600, 3_000, 1_500, 4_000);

        String prompt = ReflectionPrompt.render(MetaPrompt.builtIn(), packet(failures, List.of()), "router",
                SETTINGS, 1, tight);

        assertThat(prompt.length()).isLessThanOrEqualTo(4_000);
        assertThat(prompt).contains("Route it.");
    }

    @Test
    void eachFieldsPromptShowsOnlyItsOwnStepsAndFeedbackPlusTheUntaggedContext() {
        ProposalPacket p = packet(List.of(twoStageCase("a"), twoStageCase("b")), List.of());

        String router = render(p, "router");
        String classifier = render(p, "classifier");

        assertThat(router).contains("ROUTER-STEP-a", "ROUTER-VERDICT-b", "Feedback for \"router\": ROUTER-FEEDBACK-a",
                "INPUT-a", "FINAL-b", "Overall verdict: OVERALL-a", "2 step(s) of other fields left out")
                .doesNotContain("CLASSIFIER-STEP", "CLASSIFIER-VERDICT");
        assertThat(classifier).contains("CLASSIFIER-STEP-a", "CLASSIFIER-VERDICT-b", "INPUT-b", "FINAL-a",
                "Feedback for \"classifier\": (none: on this example the verifier blamed [router])")
                .doesNotContain("ROUTER-STEP", "ROUTER-VERDICT", "ROUTER-FEEDBACK");
    }

    @Test
    void aContainerThatTagsNothingGetsItsWholeTraceAndItsOneFeedback() {
        String trace = trace(List.of(new String[] {null, "input", "IN"}, new String[] {null, "router", "R-OUT"},
                new String[] {null, "classifier", "C-OUT"}));
        FailureCase c = new FailureCase("x", "in", "out", 0.0, new VerifierResult(false, 0.0, "GROUP-LEVEL"), trace);

        String classifier = render(packet(List.of(c), List.of()), "classifier");

        assertThat(classifier).contains("Trace:\n", "[input] IN", "[router] R-OUT", "[classifier] C-OUT",
                "Feedback: GROUP-LEVEL").doesNotContain("left out", "Overall verdict");
    }

    @Test
    void aTraceThatIsNotAListOfStepsIsShownWholeAndBounded() {
        FailureCase c = new FailureCase("x", "in", "out", 0.0, VerifierResult.NONE,
                "{\"spans\":[\"" + "s".repeat(20_000) + "\"]}");

        String prompt = render(packet(List.of(c), List.of()), "router");

        assertThat(prompt).contains("{\"spans\":[\"sss").contains("chars cut]");
        assertThat(prompt.length()).isLessThan(12_000);
    }
}
