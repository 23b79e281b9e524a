package dev.gepa4j.cli;

import dev.gepa4j.runtime.check.ConformanceCheck;
import dev.gepa4j.runtime.check.ConformanceReport;
import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.SubmissionMode;
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
 * {@code gepa check URL}: the contract conformance check of any container. Prints one line per check ({@code ok},
 * {@code WARN} for a failed recommended check, {@code FAIL} for a failed required one, {@code skip}) and ends with
 * {@code conformant} or {@code conformant with N warnings} (exit 0), or {@code not conformant: <the first required
 * failure and what to fix>} (exit 1). {@code --strict} counts warnings as failures; {@code --json} prints the machine
 * report instead of the lines.
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
            description = "how long one request may take, and an async rollout may run (default ${DEFAULT-VALUE})")
    int timeoutSeconds;

    @Option(names = "--auth", defaultValue = "x-api-key", paramLabel = "HOW",
            description = "how the key of --api-key-env is sent: x-api-key (default) or bearer")
    String auth;

    @Option(names = "--submission", defaultValue = "auto", paramLabel = "MODE",
            description = "rollout mode: auto (as /metadata declares; default), sync or async")
    String submission;

    @Option(names = "--strict", description = "count warnings (failed recommended checks) as failures: exit 1")
    boolean strict;

    @Option(names = "--json", description = "print a JSON report (each check: id, level, passed, message) instead "
            + "of one line per check")
    boolean json;

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
        ConformanceCheck check;
        try {
            check = new ConformanceCheck(url, apiKey, trainSplit, heldoutSplit, Duration.ofSeconds(timeoutSeconds))
                    .withAuth(ContainerAuth.parse(auth)).withSubmission(SubmissionMode.parse(submission));
        } catch (IllegalArgumentException bad) {
            out.println("not conformant: --" + bad.getMessage());
            out.flush();
            return 1;
        }
        if (!json) {
            out.println("checking " + url + " against the gepa container contract");
            out.flush();
        }
        ConformanceReport report = check.run(result -> {
            if (!json) {
                out.println(result.line());
                out.flush();
            }
        });
        out.println(json ? report.toJson(strict) : report.verdict(strict));
        out.flush();
        return report.exitCode(strict);
    }
}
