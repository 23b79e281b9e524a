package dev.gepa4j.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.runtime.usage.Price;
import dev.gepa4j.runtime.usage.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodingAgentProposerTest {
    private static final String PARENT = "Classify the question.";
    @TempDir
    Path tmp;
    private Path proposals;

    @BeforeEach
    void layOutWorkspace() throws IOException {
        proposals = Files.createDirectories(tmp.resolve("workspace/proposals/run-1"));
    }

    private Path script(String name) throws IOException {
        Path target = tmp.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/agents/" + name)) {
            Files.copy(in, target);
        }
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rwxr-xr-x"));
        return target;
    }

    private ProposalOutcome run(String scriptName, int timeoutSeconds, int capKb, Map<String, String> env)
            throws IOException {
        var settings = AgentProposerSettings.of(List.of(script(scriptName).toString(), "{dir}"), proposals,
                timeoutSeconds, capKb, List.of("CODEX_API_KEY"), "gpt-5");
        return new CodingAgentProposer(settings, PriceTable.defaults(), env).propose(packet());
    }

    private ProposalOutcome run(String scriptName) throws IOException {
        return run(scriptName, 20, 64, Map.of("PATH", System.getenv("PATH")));
    }

    private static ProposalPacket packet() {
        Candidate parent = Candidate.of(0, Map.of("instruction", PARENT), List.of(), "seed");
        var failure = new FailureCase("train:7", "My card still hasn't arrived", "lost_or_stolen_card", 0.0,
                new VerifierResult(false, 0.0, "expected card_arrival"), "trace");
        return new ProposalPacket(5, parent, List.of("instruction"), List.of("instruction"), List.of(failure),
                List.of(), Map.of(), 0.5, 0.6, "1 member", "Banking77", "snake_case labels", List.of(), 1, 7L, null);
    }

    @Test
    void anAgentThatWritesAGoodManifestYieldsAFullDraft() throws IOException {
        ProposalOutcome outcome = run("good-edit.sh");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.drafts()).containsExactly(
                Map.of("instruction", PARENT + "\nA card that has not arrived yet is card_arrival."));
        Path folder = proposals.resolve("5");
        assertThat(folder.resolve("README.md")).content().contains("## Rules", "Write only inside this folder");
        assertThat(folder.resolve("state/failures.json")).content().contains("expected card_arrival");
        assertThat(folder.resolve("proposal/SCHEMA.md")).content().contains("proposed_payload");
        assertThat(outcome.rawOutput()).contains("manifest written");
    }

    @Test
    void theFolderShowsEachFieldToRewriteOnlyItsOwnStepsAndFeedback() throws IOException {
        String trace = "{\"event_history\":[{\"type\":\"input\",\"text\":\"ticket\"},"
                + "{\"type\":\"output\",\"text\":\"ROUTER-STEP\",\"module_id\":\"router\"},"
                + "{\"type\":\"output\",\"text\":\"CLASSIFIER-STEP\",\"module_id\":\"classifier\"}]}";
        Candidate parent = Candidate.of(0, Map.of("router", "Route.", "classifier", "Classify."), List.of(), "seed");
        var failure = new FailureCase("train:1", "ticket", "cards/other", 0.0, new VerifierResult(false, 0.0,
                "wrong").withFeedbackFor("router", "say that atm means cards"), trace);
        var packet = new ProposalPacket(6, parent, List.of("router"), List.of("router", "classifier"),
                List.of(failure), List.of(), Map.of(), 0.0, null, "", "route then classify", "", List.of(), 1, 7L,
                null);
        var settings = AgentProposerSettings.of(List.of(script("scoped-reader.sh").toString(), "{dir}"), proposals,
                20, 64, List.of(), "gpt-5");

        ProposalOutcome outcome = new CodingAgentProposer(settings, PriceTable.defaults(),
                Map.of("PATH", System.getenv("PATH"))).propose(packet);

        assertThat(outcome.error()).isNull();
        assertThat(outcome.drafts()).containsExactly(Map.of("router", "Route.\nsay that atm means cards",
                "classifier", "Classify."));
        var failures = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(proposals.resolve("6/state/failures.json").toFile()).get(0);
        assertThat(failures.at("/by_field/router/trace_excerpt").asText()).contains("[output] ROUTER-STEP",
                "[input] ticket", "1 step(s) of other fields left out").doesNotContain("CLASSIFIER-STEP");
        assertThat(failures.at("/by_field/router/feedback").asText()).isEqualTo("say that atm means cards");
        assertThat(failures.has("by_field") && !failures.get("by_field").has("classifier")).isTrue();
        assertThat(failures.at("/verifier/feedback").asText()).as("the key agents read before").isEqualTo("wrong");
        assertThat(failures.get("traceExcerpt").asText()).contains("CLASSIFIER-STEP", "ROUTER-STEP");
    }

    @Test
    void theAgentSeesOnlyTheBaseAndConfiguredEnvironmentVariables() throws IOException {
        ProposalOutcome outcome = run("good-edit.sh", 20, 64, Map.of("PATH", System.getenv("PATH"),
                "CODEX_API_KEY", "agent-key-passed-on-purpose", "OPENAI_API_KEY", "sk-must-not-reach-the-agent"));

        assertThat(outcome.error()).isNull();
        String env = Files.readString(proposals.resolve("5/env.txt"));
        // the agent had the key it was given; the record it left in its folder no longer holds the value
        assertThat(env).contains("CODEX_API_KEY=[secret CODEX_API_KEY removed]")
                .doesNotContain("agent-key-passed-on-purpose").doesNotContain("OPENAI_API_KEY");
    }

    @Test
    void anAgentThatHangsIsKilledWithItsChildrenAndRejected() throws IOException {
        ProposalOutcome outcome = run("hang.sh", 1, 64, Map.of("PATH", System.getenv("PATH")));

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("timed out after 1 s");
        long childPid = Long.parseLong(Files.readString(proposals.resolve("5/child.pid")).strip());
        // SIGKILL is delivered asynchronously and the orphan is reaped by init, so allow the kernel a moment.
        assertThat(goneWithin(childPid, 5_000)).as("the agent's child process %d is gone", childPid).isTrue();
    }

    private static boolean goneWithin(long pid, long millis) {
        long deadline = System.currentTimeMillis() + millis;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    @Test
    void anAgentThatWritesGarbageIsRejectedWithTheParseError() throws IOException {
        ProposalOutcome outcome = run("garbage.sh");

        assertThat(outcome.error()).startsWith("proposal/manifest.json is not valid JSON:");
        assertThat(outcome.rawOutput()).contains("I improved the prompt");
    }

    @Test
    void anAgentThatWritesOutsideItsFolderIsRejected() throws IOException {
        ProposalOutcome outcome = run("escape.sh");

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("wrote outside its folder", "escaped.txt");
    }

    @Test
    void aManifestReferencingAPathOutsideTheFolderIsRejected() throws IOException {
        assertThat(run("path-out.sh").error()).contains("outside the proposal folder");
    }

    @Test
    void aSymbolicLinkPointingOutOfTheFolderIsRejected() throws IOException {
        assertThat(run("link-out.sh").error()).contains("symbolic link", "instruction.txt");
    }

    @Test
    void aPayloadWithAnUnknownFieldIsRejectedNamingTheMutableOnes() throws IOException {
        assertThat(run("wrong-field.sh").error()).contains("'system_secret' is not mutable", "[instruction]");
    }

    @Test
    void codexJsonlUsageIsSummedAndPricedFromTheTable() throws IOException {
        ProposalOutcome outcome = run("codex-style.sh");

        assertThat(outcome.drafts()).containsExactly(
                Map.of("instruction", "Classify the question.\nRead the whole question before choosing a label."));
        assertThat(outcome.usage().promptTokens()).isEqualTo(2000);
        assertThat(outcome.usage().completionTokens()).isEqualTo(400);
        assertThat(outcome.usage().costUsd()).isCloseTo(new Price(1.25, 10.0).cost(2000, 400), Offset.offset(1e-12));
    }

    @Test
    void claudeResultUsageAndReportedCostArePickedUp() throws IOException {
        ProposalOutcome outcome = run("claude-style.sh");

        assertThat(outcome.error()).isNull();
        assertThat(outcome.usage().promptTokens()).isEqualTo(3050);
        assertThat(outcome.usage().completionTokens()).isEqualTo(400);
        assertThat(outcome.usage().costUsd()).isEqualTo(0.0123);
    }

    @Test
    void outputBeyondTheCapIsDrainedAndCut() throws IOException {
        ProposalOutcome outcome = run("loud.sh", 20, 16, Map.of("PATH", System.getenv("PATH")));

        assertThat(outcome.error()).isNull();
        assertThat(outcome.rawOutput()).contains("output cut at 16384 of 3000000 bytes");
        assertThat(outcome.rawOutput().length()).isLessThan(40_000);
    }

    @Test
    void aMissingAgentBinaryIsReportedAsUnavailable() {
        var settings = AgentProposerSettings.of(List.of("/nonexistent/agent-binary", "{dir}"), proposals, 5, 64,
                List.of(), null);
        var proposer = new CodingAgentProposer(settings, PriceTable.none(), Map.of());

        assertThatThrownBy(() -> proposer.propose(packet())).isInstanceOfSatisfying(ProposerUnavailableException.class,
                e -> assertThat(e.retriable()).isFalse())
                .hasMessageContaining("/nonexistent/agent-binary").hasMessageContaining("PATH");
    }

    @Test
    void anEmptyCommandIsAConfigErrorThatShowsAnExample() {
        assertThatThrownBy(() -> AgentProposerSettings.of(List.of(), proposals, null, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codex");
    }
}
