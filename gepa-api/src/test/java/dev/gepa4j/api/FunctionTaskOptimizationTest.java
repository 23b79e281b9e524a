package dev.gepa4j.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.strategy.ProposalLimit;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.TraceEvent;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task written as a plain function, optimized in-process on a real sqlite workspace, with the OpenAI-compatible
 * test double standing in for the reflection model.
 */
class FunctionTaskOptimizationTest {
    private static final String SEED = "Answer the number.";
    private static final String BETTER = "Answer the number, and always round it up.";

    /** The program: it rounds up only when its instruction says so; odd numbers then need rounding. */
    record Case(int value) {
    }

    private static final Task<Case> TASK = (candidate, c) -> {
        if (c.value() == 13) {
            throw new IllegalStateException("thirteen is unlucky");
        }
        boolean roundsUp = candidate.get("instruction").contains("round it up");
        int answer = roundsUp ? (c.value() + 1) / 2 * 2 : c.value() / 2 * 2;
        int expected = (c.value() + 1) / 2 * 2;
        boolean right = answer == expected;
        return Evaluation.of(right ? 1 : 0, right ? "" : "answered " + answer + ", expected " + expected
                        + ": odd values must be rounded up")
                .withOutput(Integer.toString(answer))
                .withFeedbackFor("instruction", right ? "fine" : "the instruction does not say to round up")
                .withTrace(List.of(TraceEvent.of("instruction", "prediction", Integer.toString(answer))));
    };

    @TempDir
    Path dir;

    @Test
    void aFunctionTaskIsOptimizedAsynchronouslyAndAThrowingExampleIsAFailedRollout() throws Exception {
        List<String> told = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (OpenAiCompatibleTestServer llm = OpenAiCompatibleTestServer.start().whenScriptEmpty(
                new ScriptedReply.Completion("PROPOSAL 1\n```\n" + BETTER + "\n```\n", "stop", -1, -1))) {
            Optimization optimization = Optimization.of(TASK)
                    .seedCandidate(Map.of("instruction", SEED))
                    .describeExamples(c -> "value " + c.value())
                    .train(cases(1, 12)).heldout(cases(20, 30)).test(List.of(new Case(41), new Case(42), new Case(13)))
                    .proposer(LlmProposers.openAiCompatible("test-double", llm.baseUrl(), null))
                    .budget(100).seed(3).mode(Mode.SERIAL).stopWhen(new ProposalLimit(2))
                    .workspace(dir.resolve("ws")).runId("fn").log(false)
                    .progress((spent, limit, status) -> told.add(spent + "/" + limit))
                    .build();

            OptimizationResult result = optimization.runAsync().get(300, TimeUnit.SECONDS);

            assertThat(told).as("the progress listener hears the end of the run").last()
                    .isEqualTo(result.rolloutsUsed() + "/100");
            assertThat(result.bestTexts()).containsEntry("instruction", BETTER);
            assertThat(result.seedTexts()).containsEntry("instruction", SEED);
            assertThat(result.seedHeldoutMean()).isLessThan(1.0);
            assertThat(result.bestHeldoutMean()).isEqualTo(1.0);
            assertThat(result.heldoutLift()).isPositive();
            assertThat(result.test()).isNotNull();
            assertThat(result.test().rows()).isEqualTo(3);
            assertThat(result.packetDir().resolve("packet.json")).exists();
            assertThatThrownBy(optimization::run).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("already ran");
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            var seedOnOdd = ws.reader().rollouts("fn", 0).stream()
                    .filter(r -> r.result().example().exampleId().equals("train:0")).findFirst().orElseThrow();
            assertThat(seedOnOdd.result().verifier().feedbackFor("instruction"))
                    .as("the field's own feedback reaches the workspace").isEqualTo("the instruction does not say to "
                            + "round up");
            var thirteen = ws.reader().rollouts("fn", 0).stream()
                    .filter(r -> r.result().example().exampleId().equals("test:2")).toList();
            assertThat(thirteen).isNotEmpty().allSatisfy(r -> {
                assertThat(r.result().status()).isEqualTo(RolloutStatus.FAILED);
                assertThat(r.result().error()).contains("thirteen is unlucky");
            });
        }
    }

    @Test
    void aMissingSettingIsNamedWhenBuilding() {
        assertThatThrownBy(() -> Optimization.of(TASK).train(cases(1, 3)).heldout(cases(4, 5))
                .budget(10).workspace(dir).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("proposer(...) is required");
    }

    private static List<Case> cases(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(Case::new).toList();
    }
}
