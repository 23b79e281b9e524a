package dev.gepa4j.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.runtime.usage.PriceTable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real subprocess agents that misbehave: processes that try to outlive the proposal, oversized and linked files,
 * writes next to the workspace database. Each ends with a rejection or a clean proposal, and nothing left running.
 */
class HostileAgentTest {
    @TempDir
    Path tmp;
    private Path workspace;
    private Path proposals;

    @BeforeEach
    void layOutWorkspace() throws IOException {
        workspace = Files.createDirectories(tmp.resolve("workspace"));
        proposals = Files.createDirectories(workspace.resolve("proposals/run-1"));
    }

    private ProposalOutcome run(String scriptName, int timeoutSeconds) throws IOException {
        return proposer(scriptName, timeoutSeconds).propose(packet(5));
    }

    private CodingAgentProposer proposer(String scriptName, int timeoutSeconds) throws IOException {
        Path script = tmp.resolve(scriptName);
        try (InputStream in = getClass().getResourceAsStream("/agents/" + scriptName)) {
            Files.copy(in, script);
        }
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        var settings = AgentProposerSettings.of(List.of(script.toString(), "{dir}"), proposals, timeoutSeconds, 64,
                List.of(), null);
        return new CodingAgentProposer(settings, PriceTable.defaults(), Map.of("PATH", System.getenv("PATH")));
    }

    private static ProposalPacket packet(int seq) {
        Candidate parent = Candidate.of(0, Map.of("instruction", "Classify the question."), List.of(), "seed");
        return new ProposalPacket(seq, parent, List.of("instruction"), List.of("instruction"), List.of(), List.of(),
                Map.of(), 0.5, 0.6, "1 member", "Banking77", "", List.of(), 1, 7L, null);
    }

    private long pidIn(String file) throws IOException {
        Path f = proposals.resolve("5").resolve(file);
        assertThat(f).as("the agent recorded its child's pid").exists();
        return Long.parseLong(Files.readString(f).strip());
    }

    private static boolean goneWithin(long pid, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        while (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(20);
        }
        return true;
    }

    @Test
    void aGrandchildInASessionOfItsOwnDoesNotOutliveTheProposal() throws Exception {
        ProposalOutcome outcome = run("setsid-grandchild.sh", 30);

        assertThat(outcome.error()).isNull();
        long grandchild = pidIn("grandchild.pid");
        assertThat(goneWithin(grandchild, 5_000)).as("setsid grandchild %d is gone", grandchild).isTrue();
        assertThat(outcome.rawOutput()).contains("it left running were killed");
    }

    @Test
    void aChildLeftBehindByAnAgentThatExitedZeroIsKilled() throws Exception {
        ProposalOutcome outcome = run("left-behind.sh", 30);

        assertThat(outcome.error()).isNull();
        long child = pidIn("child.pid");
        assertThat(goneWithin(child, 5_000)).as("left-behind child %d is gone", child).isTrue();
        assertThat(outcome.rawOutput()).contains("1 process(es) it left running were killed");
    }

    @Test
    void onTimeoutTheGroupAndAHiddenGrandchildHoldingThePipesAreKilled() throws Exception {
        ProposalOutcome outcome = run("hang-setsid.sh", 2);

        assertThat(outcome.error()).contains("timed out after 2 s", "process group");
        long grandchild = pidIn("grandchild.pid");
        assertThat(goneWithin(grandchild, 5_000)).as("setsid grandchild %d is gone", grandchild).isTrue();
    }

    @Test
    void aReferencedFileOverTheCapIsRefusedUnreadNamingItsSize() throws IOException {
        ProposalOutcome outcome = run("big-file.sh", 30);

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("'proposal/instruction.txt' is 3.0 MB, over max_file_kb = 1024",
                "not read");
    }

    @Test
    void aManifestOverTheCapIsRefusedAndNotCopiedIntoTheRawOutput() throws IOException {
        ProposalOutcome outcome = run("big-manifest.sh", 30);

        assertThat(outcome.error()).contains("manifest refused", "3.0 MB", "max_file_kb");
        assertThat(outcome.rawOutput().length()).isLessThan(200_000);
    }

    @Test
    void aManifestLinkedToASystemFileIsRefusedBeforeItIsRead() throws IOException {
        ProposalOutcome outcome = run("manifest-link.sh", 30);

        assertThat(outcome.error()).contains("symbolic link");
        assertThat(outcome.rawOutput()).doesNotContain("root:").contains("(not read:");
    }

    @Test
    void aProposalFolderReplacedByALinkIsRefused() throws IOException {
        ProposalOutcome outcome = run("proposal-dir-link.sh", 30);

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("symbolic link");
        assertThat(outcome.rawOutput()).doesNotContain("Read through the link.");
    }

    @Test
    void concurrentProposalsOfOneProposerAreNotChargedWithEachOthersFolders() throws Exception {
        CodingAgentProposer proposer = proposer("slow-or-fast.sh", 30);
        try (var pool = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            var slow = pool.submit(() -> proposer.propose(packet(1)));
            Thread.sleep(300); // the fast one starts while the slow one runs, and ends long before it
            var fast = pool.submit(() -> proposer.propose(packet(2)));

            assertThat(fast.get(60, java.util.concurrent.TimeUnit.SECONDS).error()).isNull();
            assertThat(slow.get(60, java.util.concurrent.TimeUnit.SECONDS).error()).isNull();
        }
    }

    @Test
    void writesNextToTheWorkspaceDatabaseAreDetectedAndWhatWasCreatedIsQuarantined() throws IOException {
        Files.writeString(workspace.resolve("existing.txt"), "original\n");
        Files.writeString(workspace.resolve("workspace.sqlite"), "the run writes this itself");

        ProposalOutcome outcome = run("write-workspace.sh", 30);

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("wrote outside its folder", "planted.txt", "planted-dir",
                "changed " + workspace.resolve("existing.txt") + " (restored)");
        assertThat(workspace.resolve("existing.txt")).hasContent("original");
        assertThat(workspace.resolve("workspace.sqlite")).hasContent("the run writes this itself");
        assertThat(workspace.resolve("planted.txt")).doesNotExist();
        assertThat(workspace.resolve("planted-dir")).doesNotExist();
        Path quarantine = proposals.resolve("5/outside-writes/workspace");
        assertThat(quarantine.resolve("planted.txt")).hasContent("planted");
        assertThat(quarantine.resolve("planted-dir/deep/file.txt")).exists();
        assertThat(quarantine.resolve("existing.txt")).hasContent("original\nchanged");
    }
}
