package dev.gepa4j.tasks.humaneval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.tasks.chat.PolicyModelException;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxLimits;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Rollouts of humaneval-coder with the OpenAI-compatible TEST DOUBLE as the policy over loopback HTTP and real python3
 * runs: the seed's prose-wrapped answers fail on form, the system prompt's code-block rule fixes the form, the
 * guidelines' empty-input rule fixes the empty-input problems, and every trace step names its field.
 */
@Timeout(300)
class HumanEvalCoderRolloutTest {
    private static final String FORMAT = "Answer with only the complete function in one ```python code block.";
    private static final String EMPTY = "Handle empty inputs explicitly.";
    private static OpenAiCompatibleTestServer testDouble;
    private static PythonSandbox sandbox;
    private static HumanEvalTaskHandler handler;
    private static HumanEvalDataset data;

    @BeforeAll
    static void start() {
        testDouble = OpenAiCompatibleTestServer.start();
        Map<String, String> env = Map.of(PolicyModels.BASE_URL_ENV, testDouble.baseUrl(), PolicyModels.MODEL_ENV,
                "test-double");
        sandbox = PythonSandbox.start(SandboxLimits.defaults().withWallClock(Duration.ofSeconds(60)));
        data = HumanEvalDataset.load();
        handler = new HumanEvalTaskHandler(data, sandbox, new PolicyModels(env::get));
    }

    @AfterAll
    static void stop() {
        testDouble.close();
        sandbox.close();
    }

    @Test
    void theSeedAnswersWithProseAroundTheCodeAndTheSystemPromptIsBlamed() throws Exception {
        RolloutOutcome out = handler.rollout(call(handler.program().seedCandidate(), firstTrain(false)));
        assertThat(out.reward()).isZero();
        assertThat(out.verifier().feedback()).startsWith("The answer is not runnable Python: SyntaxError");
        assertThat(verdict(out, CoderPrompts.SYSTEM_PROMPT)).startsWith("The answer was not runnable Python");
        assertThat(verdict(out, CoderPrompts.CODING_GUIDELINES)).startsWith("Not judged");
        assertThat(out.verifier().feedbackByModule().get(CoderPrompts.SYSTEM_PROMPT)).contains("SyntaxError");
        assertThat(out.verifier().feedbackByModule().get(CoderPrompts.CODING_GUIDELINES)).startsWith("Not judged");
        assertThat(out.trace()).allSatisfy(e -> assertThat(e.type().equals("input") || e.moduleId() != null).isTrue());
        assertThat(out.trace()).extracting(TraceEvent::moduleId).contains(CoderPrompts.SYSTEM_PROMPT,
                CoderPrompts.CODING_GUIDELINES);
    }

    @Test
    void theCodeBlockRuleFixesTheFormAndTheEmptyInputRuleFixesTheEdgeCases() throws Exception {
        Map<String, String> formOnly = Map.of(CoderPrompts.SYSTEM_PROMPT, CoderPrompts.SEED_SYSTEM_PROMPT + " " + FORMAT,
                CoderPrompts.CODING_GUIDELINES, CoderPrompts.SEED_CODING_GUIDELINES);
        RolloutOutcome plain = handler.rollout(call(formOnly, firstTrain(false)));
        assertThat(plain.reward()).as(plain.verifier().feedback()).isEqualTo(1.0);
        assertThat(verdict(plain, CoderPrompts.CODING_GUIDELINES)).startsWith("All ");

        int emptyCase = firstTrain(true);
        RolloutOutcome edge = handler.rollout(call(formOnly, emptyCase));
        assertThat(edge.reward()).isZero();
        assertThat(edge.verifier().feedback()).contains("raised ValueError").contains("must not be empty");
        assertThat(verdict(edge, CoderPrompts.SYSTEM_PROMPT)).isEqualTo("The answer was runnable Python.");
        assertThat(verdict(edge, CoderPrompts.CODING_GUIDELINES)).startsWith("The code ran but failed: `assert");
        assertThat(edge.verifier().feedbackByModule().get(CoderPrompts.CODING_GUIDELINES))
                .contains("must not be empty");

        Map<String, String> both = Map.of(CoderPrompts.SYSTEM_PROMPT, CoderPrompts.SEED_SYSTEM_PROMPT + " " + FORMAT,
                CoderPrompts.CODING_GUIDELINES, CoderPrompts.SEED_CODING_GUIDELINES + " " + EMPTY);
        assertThat(handler.rollout(call(both, emptyCase)).reward()).isEqualTo(1.0);
    }

    @Test
    void withNoModelConfiguredTheRolloutFailsSayingWhatToSet() {
        var bare = new HumanEvalTaskHandler(data, sandbox, new PolicyModels(name -> null));
        assertThatThrownBy(() -> bare.rollout(call(bare.program().seedCandidate(), 0)))
                .isInstanceOf(PolicyModelException.class).hasMessageContaining("OPENAI_BASE_URL");
    }

    private static int firstTrain(boolean emptyInputTests) {
        List<HumanEvalProblem> train = data.split("train");
        return IntStream.range(0, train.size())
                .filter(i -> train.get(i).test().matches("(?s).*candidate\\((\\[\\]|\"\"|'')[,)].*") == emptyInputTests)
                .findFirst().orElseThrow();
    }

    private static RolloutCall call(Map<String, String> candidate, long seed) {
        ExampleRow row = handler.rows("train", List.of(seed)).getFirst();
        return new RolloutCall("r-" + seed + "-" + candidate.hashCode(), "run", "c", candidate, row,
                PolicySpec.of("embedded", "none"));
    }

    private static String verdict(RolloutOutcome out, String field) {
        return out.trace().stream().filter(e -> e.type().equals("verdict") && field.equals(e.moduleId()))
                .map(TraceEvent::text).findFirst().orElseThrow();
    }
}
