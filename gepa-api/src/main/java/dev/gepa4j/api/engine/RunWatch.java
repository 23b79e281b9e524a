package dev.gepa4j.api.engine;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * What watches a run besides the workspace: the run console, the progress display, the clean stop on a signal, and
 * where status lines go.
 *
 * @param console          start the run console (a local web page over the workspace) while the run runs
 * @param consolePort      its port; 0 for a free one
 * @param evidenceDir      where the evidence packet goes; null for the workspace folder
 * @param progress         opens the progress display for the run's budget; {@link ProgressDisplay#NONE} for none
 * @param stopOnSignal     whether SIGINT/SIGTERM end the run cleanly (iterations in flight finish, the run is marked
 *                         stopped and can be resumed) instead of leaving it to resume after a crash
 * @param resumeHint       how this caller resumes a stopped run (said in the stop reason), e.g.
 *                         {@code ./gepa resume RUN --workspace DIR}
 * @param log              where the engine's status lines go (console URL, the run's sizes); null for nowhere
 */
public record RunWatch(boolean console, int consolePort, Path evidenceDir, ProgressDisplay progress,
                       boolean stopOnSignal, String resumeHint, PrintStream log) {
    public RunWatch {
        if (consolePort < 0 || consolePort > 65535) {
            throw new IllegalArgumentException("console port " + consolePort + " is not a port: use 0 (any free "
                    + "port) or 1-65535");
        }
        progress = progress == null ? ProgressDisplay.NONE : progress;
        resumeHint = resumeHint == null ? "resume it" : resumeHint;
    }

    /** Prints a status line when there is somewhere to print it. */
    void say(String line) {
        if (log != null) {
            log.println(line);
        }
    }
}
