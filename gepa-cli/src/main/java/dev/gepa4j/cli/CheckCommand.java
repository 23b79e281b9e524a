package dev.gepa4j.cli;

import dev.gepa4j.runtime.check.ConformanceCheck;
import dev.gepa4j.runtime.check.ConformanceReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.function.UnaryOperator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gepa check URL}: the contract conformance check of any container. Prints one line per check and ends with
 * {@code conformant} (exit 0) or {@code not conformant: <the first violation and what to fix>} (exit 1).
 */
@Command(name = "check",
        description = "Check that a task container at URL follows the gepa container contract, route by route, "
                + "with a real rollout of its own seed candidate.")
public final class CheckCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "URL", description = "the container's base URL, e.g. http://127.0.0.1:8080")
    String url;

    @Option(names = "--api-key-env", paramLabel = "NAME",
            description = "send the value of environment variable NAME as X-API-Key (the value is never printed)")
    String apiKeyEnv;

    @Option(names = "--train-split", defaultValue = "train", paramLabel = "NAME",
            description = "the container's name of the train split (default ${DEFAULT-VALUE})")
    String trainSplit;

    @Option(names = "--heldout-split", defaultValue = "test", paramLabel = "NAME",
            description = "the container's name of the heldout split (default ${DEFAULT-VALUE})")
    String heldoutSplit;

    @Option(names = "--timeout", defaultValue = "30", paramLabel = "SECONDS",
            description = "how long one request may take (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Spec
    CommandSpec spec;

    /** Where environment variables come from; tests replace it. */
    UnaryOperator<String> environment = System::getenv;

    public CheckCommand() {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        String apiKey = null;
        if (apiKeyEnv != null) {
            apiKey = environment.apply(apiKeyEnv);
            if (apiKey == null || apiKey.isBlank()) {
                out.println("not conformant: cannot send X-API-Key: environment variable " + apiKeyEnv
                        + " is not set; export it, or drop --api-key-env if the container needs no key");
                out.flush();
                return 1;
            }
        }
        if (timeoutSeconds < 1) {
            out.println("not conformant: --timeout must be at least 1 second, was " + timeoutSeconds);
            out.flush();
            return 1;
        }
        out.println("checking " + url + " against the gepa container contract");
        out.flush();
        ConformanceCheck check = new ConformanceCheck(url, apiKey, trainSplit, heldoutSplit,
                Duration.ofSeconds(timeoutSeconds));
        ConformanceReport report = check.run(result -> {
            out.println(result.line());
            out.flush();
        });
        if (report.conformant()) {
            out.println("conformant");
            out.flush();
            return 0;
        }
        out.println("not conformant: " + report.firstViolation().map(v -> v.name() + ": " + v.detail())
                .orElse("no check ran"));
        out.flush();
        return 1;
    }
}
