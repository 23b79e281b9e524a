package dev.gepa4j.tasks.humaneval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxLimits;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Hostile answers from the policy model (scripted in the TEST DOUBLE), through the whole rollout path: each ends as a
 * failed rollout whose feedback names what stopped it, and an honest answer right after still passes.
 */
@Timeout(300)
class HostileAnswersTest {
    private static OpenAiCompatibleTestServer testDouble;
    private static PythonSandbox sandbox;
    private static HumanEvalTaskHandler handler;

    @BeforeAll
    static void start() {
        testDouble = OpenAiCompatibleTestServer.start();
        Map<String, String> env = Map.of(PolicyModels.BASE_URL_ENV, testDouble.baseUrl(), PolicyModels.MODEL_ENV, "x");
        sandbox = PythonSandbox.start(new SandboxLimits(Duration.ofSeconds(10), 2, 512L << 20, 1L << 20, 32, 1_500));
        handler = new HumanEvalTaskHandler(HumanEvalDataset.load(), sandbox, new PolicyModels(env::get));
    }

    @AfterAll
    static void stop() {
        testDouble.close();
        sandbox.close();
    }

    @Test
    void eachHostileAnswerFailsWithItsReasonAndTheContainerKeepsWorking() throws Exception {
        String outside = "/tmp/gepa-hostile-" + UUID.randomUUID();
        List<String[]> cases = List.of(
                new String[] {"while True:\n        pass", "CPU-time limit|wall-clock"},
                new String[] {"import os\n    while True:\n        try:\n            os.fork()\n        except OSError:\n"
                        + "            pass", "CPU-time limit|wall-clock|process limit|SIGKILL"},
                new String[] {"return bytearray(4 * 1024 ** 3)", "ran out of memory"},
                new String[] {"open('" + outside + "', 'w').write('x')", "writing outside the rollout folder"},
                new String[] {"import socket\n    socket.create_connection(('127.0.0.1', 9), timeout=2)",
                        "network access is not allowed"},
                new String[] {"return open('" + System.getProperty("user.home") + "/.ssh/id_rsa').read()",
                        "reading .*\\.ssh.* is not allowed"});
        for (String[] c : cases) {
            RolloutOutcome out = rolloutAnswering("```python\ndef FN(*args):\n    " + c[0] + "\n```");
            assertThat(out.reward()).as(c[0]).isZero();
            assertThat(out.verifier().feedback()).as(c[0]).containsPattern(c[1]);
        }
        assertThat(Path.of(outside)).doesNotExist();
        HumanEvalProblem honest = problem();
        RolloutOutcome fine = rolloutAnswering("```python\n" + honest.prompt() + honest.canonicalSolution() + "```");
        assertThat(fine.reward()).as(fine.verifier().feedback()).isEqualTo(1.0);
    }

    private static RolloutOutcome rolloutAnswering(String answer) throws Exception {
        HumanEvalProblem p = problem();
        testDouble.enqueue(ScriptedReply.answer(answer.replace("FN", p.entryPoint())));
        ExampleRow row = handler.rows("train", List.of(0L)).getFirst();
        return handler.rollout(new RolloutCall("r-" + UUID.randomUUID(), "run", "c", handler.program().seedCandidate(),
                row, PolicySpec.of("embedded", "none")));
    }

    private static HumanEvalProblem problem() {
        return HumanEvalDataset.load().split("train").getFirst();
    }
}
