package dev.gepa4j.cli;

import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.RunSummary;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gepa runs --workspace DIR}: one line per run, oldest first: run id, status, best train and heldout
 * ({@code n/a} when not measured), rollouts (executed + cached) and frontier coverage.
 */
@Command(name = "runs", description = "List the runs of a workspace.")
public final class RunsCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, paramLabel = "DIR", description = "the workspace folder")
    Path workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (SqliteWorkspace ws = openExisting(workspace)) {
            var runs = ws.reader().runs();
            if (runs.isEmpty()) {
                out.println("no runs in " + workspace);
            } else {
                out.printf(Locale.ROOT, "%-28s %-9s %-10s %-12s %9s %9s%n", "RUN", "STATUS", "BEST TRAIN",
                        "BEST HELDOUT", "ROLLOUTS", "FRONTIER");
            }
            for (var run : runs) {
                RunSummary s = RunMetrics.summarize(ws.reader(), run.runId());
                var best = s.best();
                out.printf(Locale.ROOT, "%-28s %-9s %-10s %-12s %9d %9s%n", s.runId(), s.status(),
                        score(best.map(c -> c.train()).orElse(null)), score(best.map(c -> c.heldout()).orElse(null)),
                        s.rollouts().total(), s.frontier().label());
            }
        }
        out.flush();
        return 0;
    }

    /** Opens a workspace a run wrote; never creates one (a typo in DIR should not make an empty workspace). */
    static SqliteWorkspace openExisting(Path folder) {
        if (!Files.isRegularFile(folder.resolve(SqliteWorkspace.FILE_NAME))) {
            throw new UserFacingException("no " + SqliteWorkspace.FILE_NAME + " in " + folder.toAbsolutePath()
                    + ": pass the folder a run wrote with --workspace DIR");
        }
        return SqliteWorkspace.open(folder);
    }

    static String score(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
