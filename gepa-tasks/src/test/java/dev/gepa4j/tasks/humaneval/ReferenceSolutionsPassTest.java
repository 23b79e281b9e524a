package dev.gepa4j.tasks.humaneval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxLimits;
import dev.gepa4j.tasks.sandbox.SandboxRun;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The data, the program recipe and the sandbox together: every one of the 164 reference solutions passes its tests
 * in the sandbox (so the limits and guards reject no honest solution), and a wrong one fails with the assertion named.
 */
@Timeout(900)
class ReferenceSolutionsPassTest {

    @Test
    void all164ReferenceSolutionsPassInTheSandboxAndTheSplitsAreDisjoint() throws Exception {
        HumanEvalDataset data = HumanEvalDataset.load();
        assertThat(data.all()).hasSize(164);
        assertThat(data.sizes()).containsEntry("train", 40).containsEntry("validation", 40).containsEntry("test", 84);
        assertThat(data.split("train")).doesNotContainAnyElementsOf(data.split("test"))
                .doesNotContainAnyElementsOf(data.split("validation"));
        SandboxLimits limits = SandboxLimits.defaults().withWallClock(Duration.ofSeconds(120)).withCpuSeconds(60);
        try (PythonSandbox sandbox = PythonSandbox.start(limits);
             ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<String>> failures = new ArrayList<>();
            for (HumanEvalProblem p : data.all()) {
                failures.add(pool.submit(() -> {
                    CodeAnswer answer = CodeAnswer.of(p, "```python\n" + p.prompt() + p.canonicalSolution() + "```");
                    SandboxRun run = sandbox.run(answer.program());
                    return run.passed() ? null : p.taskId() + ": " + run.ending() + " " + run.stderrTail();
                }));
            }
            for (Future<String> f : failures) {
                assertThat(f.get(800, TimeUnit.SECONDS)).isNull();
            }
        }
    }

    @Test
    void aBodyOnlyAnswerCompletesThePromptAndAWrongOneNamesTheFailingAssertion() throws Exception {
        HumanEvalProblem p = HumanEvalDataset.load().all().getFirst();
        try (PythonSandbox sandbox = PythonSandbox.start(SandboxLimits.defaults().withWallClock(Duration.ofSeconds(60)))) {
            CodeAnswer body = CodeAnswer.of(p, p.canonicalSolution());
            assertThat(sandbox.run(body.program()).passed()).isTrue();
            CodeAnswer wrong = CodeAnswer.of(p, "```python\ndef " + p.entryPoint() + "(numbers, threshold):\n"
                    + "    return False\n```");
            SandboxRun run = sandbox.run(wrong.program());
            TestVerdict verdict = TestVerdict.of(p, wrong, run, sandbox.limits());
            assertThat(verdict.passed()).isFalse();
            assertThat(verdict.formOk()).isTrue();
            assertThat(verdict.feedback()).startsWith("Failed assertion: `assert candidate(")
                    .contains("returned False").contains("stderr (end):");
            assertThat(verdict.feedback().length()).isLessThanOrEqualTo(TestVerdict.MAX_FEEDBACK_CHARS);
        }
    }
}
