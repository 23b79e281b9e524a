package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ProposerSection;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.runtime.agent.AgentProposerSettings;
import dev.gepa4j.runtime.agent.CodingAgentProposer;
import dev.gepa4j.runtime.llm.LlmProposerSettings;
import dev.gepa4j.runtime.llm.ReflectiveLlmProposer;
import dev.gepa4j.runtime.usage.Price;
import dev.gepa4j.runtime.usage.PriceTable;
import dev.gepa4j.tasks.banking77.Banking77Prompts;
import dev.gepa4j.tasks.banking77.OfflinePromptEditor;
import dev.gepa4j.tasks.banking77.PolicyDialect;
import dev.gepa4j.tasks.banking77.proposer.OfflineDialectProposer;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.TreeMap;

/** Builds the proposer a config asks for. */
final class Proposers {
    private Proposers() {
    }

    static Proposer create(ProposerSection section, Path configDir, Path workspaceDir, String runId) {
        PriceTable prices = PriceTable.defaults().withOverrides(prices(section));
        return switch (section.kind()) {
            case "offline" -> new OfflineDialectProposer(
                    new OfflinePromptEditor(new PolicyDialect(new HashSet<>(Banking77Prompts.labels()))));
            case "llm" -> new ReflectiveLlmProposer(LlmProposerSettings.of(
                    section.provider() == null ? "openai" : section.provider(), section.model(), section.baseUrl(),
                    section.apiKeyEnv(), section.temperature(), section.maxTokens(), section.timeoutSeconds(),
                    section.retries(), section.editMode(), section.maxEdits(), section.proposalsPerCall(),
                    section.metaPrompt(), configDir), prices);
            case "agent" -> new CodingAgentProposer(AgentProposerSettings.of(agentCommand(section, configDir),
                    section.proposalsDir() == null ? workspaceDir.resolve("proposals").resolve(runId)
                            : configDir.resolve(section.proposalsDir()),
                    section.timeoutSeconds(), section.outputCapKb(), section.passEnv(), section.model()), prices);
            default -> throw new IllegalArgumentException("[proposer] kind = \"" + section.kind()
                    + "\": use offline, llm or agent");
        };
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
