package dev.gepa4j.cli;

import dev.gepa4j.console.RunConsole;
import java.io.PrintWriter;
import java.nio.file.Files;
import dev.gepa4j.runtime.workspace.Workspaces;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gepa console --workspace DIR [--port P] [--host H]}: serves the run console for a workspace, prints its URL
 * and runs until Ctrl-C (a shutdown hook stops the server and closes the workspace).
 */
@Command(name = "console",
        description = "Serve the run console (runs, events, scores, live frontier grid) for a workspace.")
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--workspace", required = true, paramLabel = "DIR|URL",
            description = "the workspace folder, or a postgresql://user@host:port/db URL (runs of all its processes)")
    String workspace;

    @Option(names = "--port", defaultValue = "8765", paramLabel = "P",
            description = "port to listen on, 0 for any free port (default ${DEFAULT-VALUE})")
    int port;

    @Option(names = "--host", defaultValue = RunConsole.DEFAULT_HOST, paramLabel = "H",
            description = "address to bind (default ${DEFAULT-VALUE}; other addresses expose the console to the network)")
    String host;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        boolean database = Workspaces.isDatabase(workspace);
        if (!database && !Files.isDirectory(Path.of(workspace))) {
            throw new UserFacingException("no workspace folder " + Path.of(workspace).toAbsolutePath()
                    + ": pass the folder a run wrote with --workspace DIR");
        }
        RunConsole console = RunConsole.start(workspace, host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            console.stop();
            stopped.countDown();
        }, "gepa-console-shutdown"));
        out.println("run console for " + (database ? Workspaces.display(workspace) : Path.of(workspace).toAbsolutePath())
                + ": " + console.url());
        out.println("press Ctrl-C to stop");
        out.flush();
        stopped.await();
        return 0;
    }
}
