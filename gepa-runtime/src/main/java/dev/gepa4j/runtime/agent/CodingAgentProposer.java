package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.runtime.usage.PriceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The coding-agent proposer (kind {@code agent}). Per proposal it prepares {@code <proposalsDir>/<seq>/} (see
 * {@link ProposalFolder}), runs the configured command there (see {@link AgentProcess}) and validates the manifest
 * (see {@link ManifestCheck}).
 *
 * <p>Rejections (returned, not thrown): timed out, non-zero exit, files written outside the folder, a symbolic link
 * in the folder pointing outside it, an invalid or unusable manifest. The outside-write check compares snapshots of
 * the folder's parent's parent (the run's proposals folder and its siblings) before and after; folders of proposals
 * this proposer is running concurrently are left out of it. Writes anywhere else on disk are not detectable here:
 * the agent's own sandbox ({@code --sandbox workspace-write}) must prevent them.
 *
 * <p>Throws {@link dev.gepa4j.core.propose.ProposerUnavailableException} (not retriable) only when the command cannot
 * be started at all.
 */
public final class CodingAgentProposer implements Proposer {
    private final AgentProposerSettings settings;
    private final PriceTable prices;
    private final Map<String, String> environment;
    private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();

    public CodingAgentProposer(AgentProposerSettings settings, PriceTable prices) {
        this(settings, prices, System.getenv());
    }

    /** A proposer whose agents get variables from {@code environment} (tests pass their own). */
    public CodingAgentProposer(AgentProposerSettings settings, PriceTable prices, Map<String, String> environment) {
        this.settings = settings;
        this.prices = prices;
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String kind() {
        return "agent";
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        Path dir = freshFolder(packet.seq());
        inProgress.add(dir);
        try {
            ProposalFolder.write(dir, packet);
            String prompt = ProposalFolder.prompt(packet);
            List<String> argv = settings.command().stream().map(a -> a
                    .replace("{dir}", dir.toString()).replace("{prompt_file}", dir.resolve("PROMPT.md").toString())
                    .replace("{seq}", Integer.toString(packet.seq())).replace("{prompt}", prompt)).toList();
            Path watched = watchedRoot(dir);
            TreeSnapshot before = TreeSnapshot.of(watched, Set.copyOf(inProgress));
            AgentRun run = AgentProcess.run(argv, dir, settings, environment);
            List<Path> outside = TreeSnapshot.of(watched, Set.copyOf(inProgress)).changesSince(before);
            Usage usage = AgentUsage.from(run.stdout(), settings.model(), prices);
            String input = "argv: " + argv + "\nfolder: " + dir + "\n\n" + prompt;
            String raw = "exit code: " + run.exitCode() + "\n--- stdout ---\n" + run.stdout() + "\n--- stderr ---\n"
                    + run.stderr() + "\n--- proposal/manifest.json ---\n" + readQuietly(dir.resolve("proposal/manifest.json"));
            String problem = problem(run, outside, dir);
            if (problem != null) {
                return ProposalOutcome.rejected(input, raw, usage, problem);
            }
            var result = ManifestCheck.check(dir, packet);
            if (result.rejection() != null) {
                return ProposalOutcome.rejected(input, raw, usage, result.rejection());
            }
            return new ProposalOutcome(result.drafts(), input, raw, usage, null);
        } finally {
            inProgress.remove(dir);
        }
    }

    private String problem(AgentRun run, List<Path> outside, Path dir) {
        if (run.timedOut()) {
            return "agent timed out after " + settings.timeout().toSeconds() + " s and was killed with its child processes";
        }
        if (!outside.isEmpty()) {
            return "agent wrote outside its folder " + dir + ": " + outside.stream().limit(5).toList();
        }
        String link = linkOutside(dir);
        if (link != null) {
            return "agent left a symbolic link pointing outside its folder: " + link;
        }
        if (run.exitCode() != 0) {
            String tail = run.stderr().length() > 500 ? run.stderr().substring(run.stderr().length() - 500) : run.stderr();
            return "agent exited with code " + run.exitCode() + "; stderr ends: " + tail.strip();
        }
        return null;
    }

    private static String linkOutside(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            Path root = dir.toRealPath();
            return all.filter(Files::isSymbolicLink).filter(l -> {
                try {
                    return !l.toRealPath().startsWith(root);
                } catch (IOException dangling) {
                    return true; // a link we cannot resolve is not provably inside
                }
            }).map(Path::toString).findFirst().orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot inspect proposal folder " + dir, e);
        }
    }

    private Path freshFolder(int seq) {
        Path base = settings.proposalsDir().toAbsolutePath().normalize();
        Path dir = base.resolve(Integer.toString(seq));
        for (int n = 2; Files.exists(dir); n++) {
            dir = base.resolve(seq + "-" + n); // a resumed run re-proposing the same seq keeps the old folder
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create proposal folder " + dir
                    + "; check that [proposer] proposals_dir is writable", e);
        }
        return dir;
    }

    private static Path watchedRoot(Path dir) {
        Path runDir = dir.getParent();
        return runDir.getParent() != null ? runDir.getParent() : runDir;
    }

    private static String readQuietly(Path file) {
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : "(missing)";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }
}
