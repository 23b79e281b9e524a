package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.tasks.chat.PolicyModels;
import dev.gepa4j.tasks.humaneval.CoderPrompts;
import dev.gepa4j.tasks.humaneval.HumanEvalDataset;
import dev.gepa4j.tasks.humaneval.HumanEvalTaskHandler;
import dev.gepa4j.tasks.sandbox.PythonSandbox;
import dev.gepa4j.tasks.sandbox.SandboxLimits;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * humaneval-coder end to end as a user runs it: the shipped example configs (only the test double's port, the
 * workspace and the agent script's path rewritten for the test), the built-in container over loopback HTTP, real
 * python3 sandbox runs, the OpenAI-compatible TEST DOUBLE as the policy and the proposer, a real sqlite workspace.
 */
@Timeout(600)
class HumanEvalCoderEndToEndTest {
    private static final String EXAMPLE_URL = "http://127.0.0.1:8089/v1";

    @TempDir
    Path dir;
    private OpenAiCompatibleTestServer testDouble;

    @BeforeEach
    void startTestDouble() {
        testDouble = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stopTestDouble() {
        testDouble.close();
    }

    @Test
    void theTestDoubleExampleFinishesWithCandidatesThatChangedBothFields() throws Exception {
        Path config = example("humaneval-coder-test-double.toml", "td-run");

        String out = RunCommandEndToEndTest.run("run", config.toString(), "--no-console", "--quiet");

        assertThat(out).contains("td-run: seed heldout");
        assertThat(dir.resolve("ws/td-run/evidence/packet.json")).exists();
        List<Candidate> candidates = candidates("td-run");
        Candidate seed = candidates.getFirst();
        assertThat(candidates).anyMatch(c -> differs(c, seed, CoderPrompts.SYSTEM_PROMPT))
                .anyMatch(c -> differs(c, seed, CoderPrompts.CODING_GUIDELINES));
        assertThat(candidates).filteredOn(c -> c.origin().equals("mutation:llm")).isNotEmpty();
    }

    @Test
    void theAgentScriptExampleRecordsAgentProposalsThatRewriteTheGuidelines() throws Exception {
        Path config = example("humaneval-coder-agent-script.toml", "agent-run");

        RunCommandEndToEndTest.run("run", config.toString(), "--no-console", "--quiet");

        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            var proposals = ws.reader().proposals("agent-run");
            assertThat(proposals).isNotEmpty().allMatch(p -> p.proposer().equals("agent"));
            assertThat(proposals.getFirst().drafts().getFirst().get(CoderPrompts.CODING_GUIDELINES))
                    .contains("```python code block");
        }
        List<Candidate> candidates = candidates("agent-run");
        Candidate seed = candidates.getFirst();
        assertThat(candidates).filteredOn(c -> c.origin().equals("mutation:agent"))
                .isNotEmpty()
                .allMatch(c -> differs(c, seed, CoderPrompts.CODING_GUIDELINES)
                        && !differs(c, seed, CoderPrompts.SYSTEM_PROMPT));
        assertThat(dir.resolve("ws/proposals/agent-run/1/proposal/coding_guidelines.md")).exists();
    }

    @Test
    void theContainerPassesGepaCheckWithTheTestDoubleAsItsModel() throws Exception {
        Map<String, String> env = Map.of(PolicyModels.BASE_URL_ENV, testDouble.baseUrl(), PolicyModels.MODEL_ENV,
                "test-double");
        try (PythonSandbox sandbox = PythonSandbox.start(SandboxLimits.defaults());
             ContainerServer server = ContainerServer.start(new HumanEvalTaskHandler(HumanEvalDataset.load(), sandbox,
                     new PolicyModels(env::get)), ServerOptions.defaults())) {
            CheckCommand command = new CheckCommand();
            command.environment = name -> null;
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(command);
            cl.setOut(new PrintWriter(out, true));

            int code = cl.execute(server.url());

            assertThat(out.toString()).as(out.toString()).endsWith("conformant\n");
            assertThat(code).isZero();
            assertThat(testDouble.requests()).as("the check's rollouts called the test double as the policy")
                    .anyMatch(r -> r.lastUserText().startsWith("Complete this Python function:"));
        }
    }

    private Path example(String name, String runId) throws Exception {
        Path root = RunCommandEndToEndTest.repoRoot();
        String text = Files.readString(root.resolve("examples/configs/" + name))
                .replace(EXAMPLE_URL, testDouble.baseUrl())
                .replace("workspace = \"../../gepa-runs\"", "workspace = \"ws\"\nrun_id = \"" + runId + "\"")
                .replace("\"../agent/", "\"" + root.resolve("examples/agent") + "/");
        assertThat(text).doesNotContain("\"" + EXAMPLE_URL);
        Path config = dir.resolve(name);
        Files.writeString(config, text);
        return config;
    }

    private List<Candidate> candidates(String runId) throws Exception {
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            return ws.reader().candidates(runId).stream().map(r -> r.candidate()).toList();
        }
    }

    private static boolean differs(Candidate c, Candidate seed, String field) {
        return !c.components().get(field).equals(seed.components().get(field));
    }
}
