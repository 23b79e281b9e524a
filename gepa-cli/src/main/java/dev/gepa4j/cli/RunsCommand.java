package dev.gepa4j.cli;

import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.RunSummary;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.runtime.workspace.Workspaces;
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
 * {@code gepa runs --workspace DIR|postgresql://...}: one line per run, oldest first: run id, status, best train and heldout
 * ({@code n/a} when not measured), rollouts (executed + cached) and frontier coverage.
 */
@Command(name = "runs", description = "List the runs of a workspace.")
public final class RunsCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, paramLabel = "DIR|URL",
            description = "the workspace folder, or a postgresql://user@host:port/db URL (password in PGPASSWORD)")
    String workspace;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        try (Workspace ws = openExisting(workspace)) {
            var runs = ws.reader().runs();
            if (runs.isEmpty()) {
                out.println("no runs in " + Workspaces.display(workspace));
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

    /**
     * Opens a workspace a run wrote; never creates a folder's file (a typo in DIR should not make an empty
     * workspace). A {@code postgresql://} URL opens that database.
     */
    static Workspace openExisting(String address) {
        if (!Workspaces.isDatabase(address) && !Files.isRegularFile(Path.of(address).resolve(SqliteWorkspace.FILE_NAME))) {
            throw new UserFacingException("no " + SqliteWorkspace.FILE_NAME + " in " + Path.of(address).toAbsolutePath()
                    + ": pass the folder a run wrote (or a postgresql:// URL) with --workspace DIR");
        }
        return Workspaces.openExisting(address, "--workspace");
    }

    static String score(Double value) {
        return value == null ? "n/a" : String.format(Locale.ROOT, "%.3f", value);
    }
}
