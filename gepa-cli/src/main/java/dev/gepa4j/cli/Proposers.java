package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ProposerSection;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.runtime.agent.AgentProposerSettings;
import dev.gepa4j.runtime.agent.CodingAgentProposer;
import dev.gepa4j.runtime.guard.GuardedProposer;
import dev.gepa4j.runtime.llm.LlmProposerSettings;
import dev.gepa4j.runtime.llm.ReflectiveLlmProposer;
import dev.gepa4j.runtime.usage.Price;
import dev.gepa4j.runtime.usage.PriceTable;
import dev.gepa4j.tasks.banking77.Banking77Prompts;
import dev.gepa4j.tasks.banking77.OfflinePromptEditor;
import dev.gepa4j.tasks.banking77.PolicyDialect;
import dev.gepa4j.tasks.banking77.proposer.OfflineDialectProposer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the proposer a config asks for. */
final class Proposers {
    private Proposers() {
    }

    /**
     * The proposer the section asks for, wrapped in a {@link GuardedProposer} (per-field cap, no secret values in
     * drafts or records).
     */
    static Proposer create(ProposerSection section, Path configDir, Path workspaceDir, String runId, Secrets secrets) {
        long maxFieldBytes = section.maxFieldKb() == null ? GuardedProposer.DEFAULT_MAX_FIELD_BYTES
                : section.maxFieldKb() * 1024L;
        return new GuardedProposer(unguarded(section, configDir, workspaceDir, runId, secrets), maxFieldBytes, secrets);
    }

    private static Proposer unguarded(ProposerSection section, Path configDir, Path workspaceDir, String runId,
                                      Secrets secrets) {
        PriceTable prices = PriceTable.defaults().withOverrides(prices(section));
        return switch (section.kind()) {
            case "offline" -> new OfflineDialectProposer(
                    new OfflinePromptEditor(new PolicyDialect(new HashSet<>(Banking77Prompts.labels()))));
            case "llm" -> new ReflectiveLlmProposer(llmSettings(section, configDir), prices);
            case "agent" -> new CodingAgentProposer(agentSettings(section, configDir, workspaceDir, runId), prices,
                    System.getenv(), secrets);
            default -> throw new IllegalArgumentException("[proposer] kind = \"" + section.kind()
                    + "\": use offline, llm or agent");
        };
    }

    private static LlmProposerSettings llmSettings(ProposerSection section, Path configDir) {
        return LlmProposerSettings.of(section.provider() == null ? "openai" : section.provider(), section.model(),
                        section.baseUrl(), section.apiKeyEnv(), section.temperature(), section.maxTokens(),
                        section.timeoutSeconds(), section.retries(), section.editMode(), section.maxEdits(),
                        section.proposalsPerCall(), section.metaPrompt(), configDir)
                .withLimits(section.retryBudgetSeconds() == null ? LlmProposerSettings.DEFAULT_RETRY_BUDGET
                                : Duration.ofSeconds(section.retryBudgetSeconds()),
                        section.maxAnswerKb() == null ? LlmProposerSettings.DEFAULT_MAX_ANSWER_BYTES
                                : section.maxAnswerKb() * 1024L);
    }

    /** Agent settings; the watched folders are the workspace folder and the proposals folder's parent. */
    private static AgentProposerSettings agentSettings(ProposerSection section, Path configDir, Path workspaceDir,
                                                       String runId) {
        Path proposalsDir = section.proposalsDir() == null ? workspaceDir.resolve("proposals").resolve(runId)
                : configDir.resolve(section.proposalsDir());
        Path proposalsParent = proposalsDir.toAbsolutePath().normalize().getParent();
        List<Path> watched = proposalsParent == null || proposalsParent.startsWith(workspaceDir.toAbsolutePath()
                .normalize()) ? List.of(workspaceDir) : List.of(workspaceDir, proposalsParent);
        return AgentProposerSettings.of(agentCommand(section, configDir), proposalsDir, section.timeoutSeconds(),
                        section.outputCapKb(), section.passEnv(), section.model())
                .withConfinement(section.maxFileKb() == null ? AgentProposerSettings.DEFAULT_MAX_FILE_BYTES
                        : section.maxFileKb() * 1024L, watched);
    }

    /**
     * The agent runs inside its proposal folder, so a relative program path ({@code ./agent.sh}, {@code ../x}) is
     * taken relative to the config file instead; a bare name ({@code codex}) is looked up on PATH as usual.
     */
    private static java.util.List<String> agentCommand(ProposerSection section, Path configDir) {
        java.util.List<String> argv = new java.util.ArrayList<>(section.command());
        String program = argv.getFirst();
        if (program.contains("/") && !Path.of(program).isAbsolute()) {
            argv.set(0, configDir.resolve(program).normalize().toString());
        }
        return argv;
    }

    private static Map<String, Price> prices(ProposerSection section) {
        Map<String, Price> out = new TreeMap<>();
        section.prices().forEach((model, p) -> out.put(model, new Price(p.input(), p.output())));
        return out;
    }
}
