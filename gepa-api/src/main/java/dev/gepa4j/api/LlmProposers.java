package dev.gepa4j.api;

import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.runtime.llm.LlmProposerSettings;
import dev.gepa4j.runtime.llm.ReflectiveLlmProposer;
import dev.gepa4j.runtime.usage.PriceTable;

/** The reflective LLM proposer (the {@code gepa} command's {@code [proposer] kind = "llm"}) for the library. */
public final class LlmProposers {
    private LlmProposers() {
    }

    /**
     * A reflective proposer over an OpenAI-compatible chat endpoint.
     *
     * @param model     the model name (e.g. {@code gpt-4.1-mini})
     * @param baseUrl   the endpoint (e.g. {@code http://127.0.0.1:11434/v1} for Ollama); null for OpenAI's
     * @param apiKeyEnv the NAME of the environment variable holding the key; null for a local endpoint with none
     * @throws dev.gepa4j.core.propose.ProposerUnavailableException when {@code apiKeyEnv} names an unset variable
     */
    public static Proposer openAiCompatible(String model, String baseUrl, String apiKeyEnv) {
        return of(LlmProposerSettings.of("openai", model, baseUrl, apiKeyEnv, null, null, null, null, null, null,
                null, null, null));
    }

    /** A reflective proposer with settings of your own (provider, temperature, edit mode, meta-prompts, ...). */
    public static Proposer of(LlmProposerSettings settings) {
        return new ReflectiveLlmProposer(settings, PriceTable.defaults());
    }
}
