package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.propose.ProposerUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an agent command as a real subprocess: working directory = the proposal folder, stdin from /dev/null (a
 * piped stdin makes {@code codex exec} wait for input), an environment holding only {@link
 * AgentProposerSettings#BASE_ENV} plus the configured names, stdout/stderr drained into capped buffers, and the whole
 * process tree killed when the timeout passes.
 */
final class AgentProcess {
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);

    private AgentProcess() {
    }

    static AgentRun run(List<String> argv, Path dir, AgentProposerSettings settings, Map<String, String> environment) {
        ProcessBuilder pb = new ProcessBuilder(argv).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.clear();
        for (String name : concat(AgentProposerSettings.BASE_ENV, settings.passEnv())) {
            String value = environment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ProposerUnavailableException("agent command '" + argv.getFirst() + "' could not be started ("
                    + e.getMessage() + "); check [proposer] command and that the program is on PATH", false, e);
        }
        var out = new CappedOutput(process.getInputStream(), settings.outputCapBytes());
        var err = new CappedOutput(process.getErrorStream(), settings.outputCapBytes());
        try {
            boolean finished = process.waitFor(settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                killTree(process);
            }
            return new AgentRun(finished ? process.exitValue() : -1, !finished, out.text(DRAIN_GRACE),
                    err.text(DRAIN_GRACE));
        } catch (InterruptedException e) {
            killTree(process);
            Thread.currentThread().interrupt();
            throw new ProposerUnavailableException("interrupted while the agent was running", true, e);
        }
    }

    /** Kills descendants first, so none is re-parented and left running, then the process itself. */
    private static void killTree(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
