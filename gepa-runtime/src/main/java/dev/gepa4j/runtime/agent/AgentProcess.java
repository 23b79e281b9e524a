package dev.gepa4j.runtime.agent;

import dev.gepa4j.core.propose.ProposerUnavailableException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Runs an agent command as a real subprocess: working directory = the proposal folder, stdin from /dev/null (a
 * piped stdin makes {@code codex exec} wait for input), an environment holding only {@link
 * AgentProposerSettings#BASE_ENV} plus the configured names (TMPDIR pointing at the folder's {@code tmp/}, and a
 * marker variable), stdout/stderr drained into capped buffers.
 *
 * <p>The agent starts as the leader of a session and process group of its own ({@code setsid}, where the program
 * exists). When it times out, and again whenever it ends, {@link ProcessSweep} kills its whole group and every
 * process it was seen to start, so nothing of it outlives the proposal and no leftover holds the output pipes.
 */
final class AgentProcess {
    private static final Duration DRAIN_GRACE = Duration.ofSeconds(2);
    private static final long POLL_MILLIS = 100;
    private static final String SETSID = "/usr/bin/setsid";

    private AgentProcess() {
    }

    static AgentRun run(List<String> argv, Path dir, AgentProposerSettings settings, Map<String, String> environment) {
        String marker = UUID.randomUUID().toString();
        List<String> launch = new ArrayList<>();
        if (Files.isExecutable(Path.of(SETSID))) {
            requireProgram(argv.getFirst(), environment.get("PATH")); // setsid would start, then fail to exec it
            launch.add(SETSID); // the agent leads a new session and process group: one signal reaches all of it
        }
        launch.addAll(argv);
        ProcessBuilder pb = new ProcessBuilder(launch).directory(dir.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Map<String, String> env = pb.environment();
        env.clear();
        for (String name : concat(AgentProposerSettings.BASE_ENV, settings.passEnv())) {
            String value = environment.get(name);
            if (value != null) {
                env.put(name, value);
            }
        }
        env.put("TMPDIR", tmpDir(dir).toString());
        env.put(ProcessSweep.MARKER, marker);
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ProposerUnavailableException("agent command '" + argv.getFirst() + "' could not be started ("
                    + e.getMessage() + "); check [proposer] command and that the program is on PATH", false, e);
        }
        var sweep = new ProcessSweep(process, marker);
        var out = new CappedOutput(process.getInputStream(), settings.outputCapBytes());
        var err = new CappedOutput(process.getErrorStream(), settings.outputCapBytes());
        try {
            boolean finished = waitWatching(process, sweep, settings.timeout());
            int exit = finished ? process.exitValue() : -1;
            int leftovers = sweep.killAll(); // on timeout, and also after a normal exit: children left behind die
            long drainUntil = System.nanoTime() + DRAIN_GRACE.toNanos();
            return new AgentRun(exit, !finished, out.text(drainUntil), err.text(drainUntil), leftovers);
        } catch (InterruptedException e) {
            sweep.killAll();
            Thread.currentThread().interrupt();
            throw new ProposerUnavailableException("interrupted while the agent was running", true, e);
        }
    }

    private static void requireProgram(String program, String path) {
        boolean found = program.contains("/") ? Files.isExecutable(Path.of(program))
                : path != null && java.util.Arrays.stream(path.split(":")).filter(d -> !d.isEmpty())
                        .anyMatch(d -> Files.isExecutable(Path.of(d, program)));
        if (!found) {
            throw new ProposerUnavailableException("agent command '" + program + "' could not be started (no such "
                    + "executable file); check [proposer] command and that the program is on PATH", false, null);
        }
    }

    private static boolean waitWatching(Process process, ProcessSweep sweep, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            sweep.watch();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            long waitMillis = Math.min(TimeUnit.NANOSECONDS.toMillis(left) + 1, POLL_MILLIS);
            if (process.waitFor(waitMillis, TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
    }

    private static Path tmpDir(Path dir) {
        Path tmp = dir.resolve("tmp");
        try {
            Files.createDirectories(tmp);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + tmp, e);
        }
        return tmp;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).distinct().toList();
    }
}
