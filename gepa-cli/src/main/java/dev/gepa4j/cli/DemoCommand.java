package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ContainerSection;
import dev.gepa4j.cli.config.DefaultModels;
import dev.gepa4j.cli.config.GepaConfig;
import dev.gepa4j.cli.config.LoopSection;
import dev.gepa4j.cli.config.PolicySection;
import dev.gepa4j.cli.config.ProposerSection;
import dev.gepa4j.cli.config.RunSection;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code gepa demo}: Banking77 prompt evolution on the embedded default (built-in container, embedded policy,
 * offline proposer), or with real models when {@code --policy openai} / {@code --proposer llm} are given and
 * {@code OPENAI_BASE_URL} / {@code OPENAI_API_KEY} point at an OpenAI-compatible server.
 */
@Command(name = "demo", description = "Banking77 prompt evolution, offline, end to end (evidence packet + console).")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--out", defaultValue = "gepa-demo", description = "workspace folder (default ${DEFAULT-VALUE})")
    Path out;

    @Option(names = "--budget", defaultValue = "1500", description = "rollout budget, heldout included (default ${DEFAULT-VALUE})")
    int budget;

    @Option(names = "--seed", defaultValue = "1", description = "random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--mode", defaultValue = "overlapped", description = "serial or overlapped (default ${DEFAULT-VALUE})")
    String mode;

    @Option(names = "--run-id", description = "run id (default: demo-<seed>-<time>)")
    String runId;

    @Option(names = "--policy", defaultValue = "embedded", description = "embedded or openai (default ${DEFAULT-VALUE})")
    String policy;

    @Option(names = "--proposer", defaultValue = "offline", description = "offline or llm (default ${DEFAULT-VALUE})")
    String proposer;

    @Mixin
    RunOptions options;

    @Override
    public Integer call() throws Exception {
        GepaConfig config = demoConfig();
        return new RunAssembly(config, Path.of("").toAbsolutePath(), options).runFresh();
    }

    GepaConfig demoConfig() {
        PolicySection policySection = switch (policy) {
            case "embedded" -> new PolicySection("embedded", DefaultModels.EMBEDDED_POLICY, null, null, null);
            case "openai" -> new PolicySection("openai", env("GEPA_POLICY_MODEL", DefaultModels.OPENAI_POLICY),
                    System.getenv("OPENAI_BASE_URL"), 16, null);
            default -> throw new IllegalArgumentException("--policy " + policy + ": use embedded or openai");
        };
        ProposerSection proposerSection = switch (proposer) {
            case "offline" -> ProposerSection.defaults();
            case "llm" -> ProposerSection.builder().kind("llm").provider("openai")
                    .model(env("GEPA_PROPOSER_MODEL", DefaultModels.LLM_PROPOSER))
                    .baseUrl(System.getenv("OPENAI_BASE_URL"))
                    .apiKeyEnv(System.getenv("OPENAI_API_KEY") == null ? null : "OPENAI_API_KEY")
                    .build();
            default -> throw new IllegalArgumentException("--proposer " + proposer + ": use offline or llm");
        };
        LoopSection loop = LoopSection.builder().maxRollouts(budget).build();
        return new GepaConfig(new RunSection(runId, out.toString(), seed, mode),
                new ContainerSection(null, null, "banking77", null, null, null, null, null, null), null, null, policySection,
                proposerSection, loop, null);
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
