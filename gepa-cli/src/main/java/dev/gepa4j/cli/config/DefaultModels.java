package dev.gepa4j.cli.config;

/**
 * The model names a run uses when the configuration names none: the one home of these names for the run assembly
 * and the demo.
 */
public final class DefaultModels {
    /** The policy of the embedded provider: the quantized sentence-embedding model inside the built-in container. */
    public static final String EMBEDDED_POLICY = "all-minilm-l6-v2-q";
    /** The policy model of an OpenAI-compatible provider. */
    public static final String OPENAI_POLICY = "gpt-4.1-nano";
    /** The proposer model of the demo's LLM proposer. */
    public static final String LLM_PROPOSER = "gpt-4.1-mini";

    private DefaultModels() {
    }
}
