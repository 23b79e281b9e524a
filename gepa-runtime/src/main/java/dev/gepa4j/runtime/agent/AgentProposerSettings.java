package dev.gepa4j.runtime.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How the coding-agent proposer runs its agent.
 *
 * @param command        argv of the agent; placeholders {@code {dir}} (the proposal folder), {@code {prompt_file}}
 *                       (its PROMPT.md), {@code {prompt}} (the prompt text) and {@code {seq}} are replaced per proposal
 * @param proposalsDir   base folder; each proposal gets {@code <proposalsDir>/<seq>/}
 * @param timeout        wall-clock limit; the agent's whole process group is killed when it passes
 * @param outputCapBytes most bytes kept of stdout and of stderr each (the rest is read and dropped)
 * @param maxFileBytes   largest manifest or referenced file read from the folder; larger ones reject the proposal
 *                       unread, naming their size
 * @param watchedDirs    folders checked for writes outside the proposal folder (what the agent creates there is
 *                       quarantined); empty = two levels above {@code proposalsDir}, i.e. the workspace folder
 *                       with the default layout {@code <workspace>/proposals/<run>}
 * @param passEnv        names of environment variables handed to the agent besides PATH, HOME, LANG, LC_ALL, TMPDIR,
 *                       USER, TERM (e.g. {@code CODEX_API_KEY}); nothing else of this process's environment is passed
 * @param model          model name used to price token counts the agent reports without a cost (may be null)
 */
public record AgentProposerSettings(List<String> command, Path proposalsDir, Duration timeout, int outputCapBytes,
                                    long maxFileBytes, List<Path> watchedDirs, List<String> passEnv, String model) {
    /** Default {@link #maxFileBytes}: 1 MB. */
    public static final long DEFAULT_MAX_FILE_BYTES = 1024 * 1024;

    /** Environment variables every agent gets, so ordinary CLIs can start. */
    public static final List<String> BASE_ENV = List.of("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "USER", "TERM");

    public AgentProposerSettings {
        if (command == null || command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("[proposer] command is required for kind \"agent\", as an argv list, e.g. "
                    + "command = [\"codex\", \"exec\", \"--cd\", \"{dir}\", \"--sandbox\", \"workspace-write\", "
                    + "\"--skip-git-repo-check\", \"--json\", \"{prompt}\"]");
        }
        command = List.copyOf(command);
        Objects.requireNonNull(proposalsDir, "proposalsDir");
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("[proposer] timeout_seconds must be > 0, got " + timeout.toSeconds());
        }
        if (outputCapBytes < 1024) {
            throw new IllegalArgumentException("[proposer] output_cap_kb must be >= 1");
        }
        if (maxFileBytes < 1024) {
            throw new IllegalArgumentException("[proposer] max_file_kb must be >= 1");
        }
        watchedDirs = List.copyOf(watchedDirs == null ? List.of() : watchedDirs);
        passEnv = List.copyOf(passEnv == null ? List.of() : passEnv);
    }

    /** Settings from parsed {@code [proposer]} values; nulls take defaults (timeout 300 s, output cap 256 KB). */
    public static AgentProposerSettings of(List<String> command, Path proposalsDir, Integer timeoutSeconds,
                                           Integer outputCapKb, List<String> passEnv, String model) {
        return new AgentProposerSettings(command, proposalsDir,
                Duration.ofSeconds(timeoutSeconds == null ? 300 : timeoutSeconds),
                (outputCapKb == null ? 256 : outputCapKb) * 1024, DEFAULT_MAX_FILE_BYTES, List.of(), passEnv, model);
    }

    /** The same settings with another file cap and other watched folders. */
    public AgentProposerSettings withConfinement(long fileBytes, List<Path> watched) {
        return new AgentProposerSettings(command, proposalsDir, timeout, outputCapBytes, fileBytes, watched, passEnv,
                model);
    }
}
