package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.runtime.usage.PriceTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
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
 * in the folder pointing outside it, an invalid or unusable manifest, a manifest or file over {@code max_file_kb}.
 * The outside-write check ({@link OutsideWrites}) compares snapshots of the watched folders (by default the
 * workspace folder) before and after, quarantines what the agent created there and names what it changed; folders
 * of proposals this proposer runs concurrently are left out. Writes anywhere else on disk are not detectable here:
 * the agent's own sandbox ({@code --sandbox workspace-write}) or a container must prevent them (docs/security.md).
 *
 * <p>Confinement that does not depend on the agent: its environment holds only the named variables, its processes
 * are killed as a group when it ends ({@link AgentProcess}), and the values of known secret variables are hidden
 * from this process's {@code /proc/<pid>/environ} when the proposer is created ({@link EnvironBlock}; read its side
 * effect on subprocesses that inherit the environment implicitly). After each
 * proposal, known secret values (including those of {@code pass_env}) are scrubbed from the files left in its
 * folder ({@link FolderScrub}).
 *
 * <p>Throws {@link dev.gepa4j.core.propose.ProposerUnavailableException} (not retriable) only when the command cannot
 * be started at all.
 */
public final class CodingAgentProposer implements Proposer {
    private final AgentProposerSettings settings;
    private final PriceTable prices;
    private final Map<String, String> environment;
    private final Set<Path> inProgress = ConcurrentHashMap.newKeySet();
    private final Set<Path> created = ConcurrentHashMap.newKeySet();
    private final Secrets secrets;

    public CodingAgentProposer(AgentProposerSettings settings, PriceTable prices) {
        this(settings, prices, System.getenv());
    }

    /** A proposer whose agents get variables from {@code environment} (tests pass their own). */
    public CodingAgentProposer(AgentProposerSettings settings, PriceTable prices, Map<String, String> environment) {
        this(settings, prices, environment, Secrets.none());
    }

    /**
     * A proposer whose agents get variables from {@code environment}; besides the secrets found there and in this
     * process's environment, {@code known} (e.g. the variables a config names) are hidden and scrubbed too.
     */
    public CodingAgentProposer(AgentProposerSettings settings, PriceTable prices, Map<String, String> environment,
                               Secrets known) {
        this.settings = settings;
        this.prices = prices;
        this.environment = Map.copyOf(environment);
        // an agent could read keys from this process's /proc/<pid>/environ even when its own environment lacks them
        this.secrets = Secrets.fromEnvironment(System.getenv(), settings.passEnv())
                .and(Secrets.fromEnvironment(environment, settings.passEnv())).and(known);
        EnvironBlock.hide(secrets.names());
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
            Set<Path> existing = Set.copyOf(created);
            Set<Path> runningBefore = Set.copyOf(inProgress);
            OutsideWrites watch = OutsideWrites.before(watchedRoots(), runningBefore);
            AgentRun run = AgentProcess.run(argv, dir, settings, environment);
            List<String> outside = watch.settle(othersSince(existing, runningBefore), dir.resolve("outside-writes"));
            Usage usage = AgentUsage.from(run.stdout(), settings.model(), prices);
            String input = "argv: " + argv + "\nfolder: " + dir + "\n\n" + prompt;
            String raw = "exit code: " + run.exitCode() + (run.leftovers() > 0 ? "; " + run.leftovers()
                    + " process(es) it left running were killed" : "") + "\n--- stdout ---\n" + run.stdout()
                    + "\n--- stderr ---\n" + run.stderr() + "\n--- " + ManifestCheck.MANIFEST + " ---\n"
                    + manifestText(dir);
            String problem = problem(run, outside, dir);
            if (problem != null) {
                return ProposalOutcome.rejected(input, raw, usage, problem);
            }
            var result = ManifestCheck.check(dir, packet, settings.maxFileBytes());
            if (result.rejection() != null) {
                return ProposalOutcome.rejected(input, raw, usage, result.rejection());
            }
            return new ProposalOutcome(result.drafts(), input, raw, usage, null);
        } finally {
            try {
                FolderScrub.scrub(dir, secrets, settings.maxFileBytes()); // the folder stays as a record: no keys in it
            } finally {
                inProgress.remove(dir);
            }
        }
    }

    /**
     * Folders left out of the after-snapshot: proposals running now or at the before-snapshot (their own writes are
     * not outside writes), and proposals started since.
     */
    private Set<Path> othersSince(Set<Path> existing, Set<Path> runningBefore) {
        Set<Path> out = new HashSet<>(inProgress);
        out.addAll(runningBefore);
        created.stream().filter(p -> !existing.contains(p)).forEach(out::add);
        return out;
    }

    private String problem(AgentRun run, List<String> outside, Path dir) {
        if (run.timedOut()) {
            return "agent timed out after " + settings.timeout().toSeconds() + " s; its process group and every "
                    + "process it started were killed";
        }
        if (!outside.isEmpty()) {
            return "agent wrote outside its folder " + dir + ": " + String.join("; ", outside.stream().limit(5)
                    .toList()) + (outside.size() > 5 ? "; and " + (outside.size() - 5) + " more" : "");
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
        for (int n = 2; Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS); n++) {
            dir = base.resolve(seq + "-" + n); // a resumed run re-proposing the same seq keeps the old folder
        }
        created.add(dir);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create proposal folder " + dir
                    + "; check that [proposer] proposals_dir is writable", e);
        }
        return dir;
    }

    private List<Path> watchedRoots() {
        if (!settings.watchedDirs().isEmpty()) {
            return settings.watchedDirs().stream().map(p -> p.toAbsolutePath().normalize()).distinct().toList();
        }
        Path runProposals = settings.proposalsDir().toAbsolutePath().normalize(); // <workspace>/proposals/<run>
        Path workspace = runProposals.getParent() == null || runProposals.getParent().getParent() == null
                ? runProposals : runProposals.getParent().getParent();
        return List.of(workspace);
    }

    private String manifestText(Path dir) {
        try {
            return FolderFiles.read(dir, ManifestCheck.MANIFEST, settings.maxFileBytes(),
                    ManifestCheck.limit(settings.maxFileBytes()));
        } catch (IllegalArgumentException refused) {
            return "(not read: " + refused.getMessage() + ")";
        }
    }
}
