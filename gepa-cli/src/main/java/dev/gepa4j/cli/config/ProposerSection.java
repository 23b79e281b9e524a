package dev.gepa4j.cli.config;

import java.util.List;
import java.util.Map;

/**
 * {@code [proposer]}: who writes new candidates. Every key: docs/configuration.md.
 *
 * @param kind             {@code offline} (default; no network), {@code llm} or {@code agent}
 * @param provider         llm: {@code openai} (any OpenAI-compatible base URL) or {@code anthropic}
 * @param model            llm: the model name (also the price-table key); agent: optional, prices codex token counts
 * @param baseUrl          llm: OpenAI-compatible base URL (vLLM, Ollama, LM Studio, OpenRouter, a local test server)
 * @param apiKeyEnv        llm: the NAME of the environment variable holding the key (never the key itself)
 * @param temperature      llm: sampling temperature; omitted = the model's default
 * @param maxTokens        llm: completion limit; an answer hitting it is rejected as truncated
 * @param timeoutSeconds   llm: one whole call (connect, headers, body); agent: one agent run
 * @param retries          llm: most extra attempts on 429/5xx/timeouts
 * @param retryBudgetSeconds llm: most waiting between the attempts of one call (default 120)
 * @param maxAnswerKb      llm: largest answer body read (default 1024)
 * @param maxFieldKb       both: largest proposed field (default 64)
 * @param maxFileKb        agent: largest manifest or referenced file read (default 1024)
 * @param editMode         llm: {@code rewrite} (default) or {@code edit} (bounded SEARCH/REPLACE edits, no bloat)
 * @param maxEdits         llm, edit mode: edits per proposal
 * @param proposalsPerCall alternative drafts asked for per call; default 1
 * @param metaPrompt       llm: per candidate field ({@code "*"} = all), {@code file:PATH} or inline meta-prompt text
 * @param command          agent: argv; {dir}, {prompt_file}, {prompt} and {seq} are replaced
 * @param proposalsDir     agent: where proposal folders go; default {@code <workspace>/proposals/<run_id>}
 * @param outputCapKb      agent: stdout/stderr kept per run
 * @param passEnv          agent: environment variables passed to the agent (besides PATH, HOME, LANG...)
 * @param prices           USD per million tokens by model, overriding the built-in table
 */
public record ProposerSection(String kind, String provider, String model, String baseUrl, String apiKeyEnv,
                              Double temperature, Integer maxTokens, Integer timeoutSeconds, Integer retries,
                              String editMode, Integer maxEdits, Integer proposalsPerCall,
                              Map<String, String> metaPrompt, List<String> command, String proposalsDir,
                              Integer outputCapKb, List<String> passEnv, Map<String, PriceEntry> prices,
                              Integer retryBudgetSeconds, Integer maxAnswerKb, Integer maxFieldKb, Integer maxFileKb) {
    public ProposerSection {
        kind = kind == null ? "offline" : kind;
        if (!List.of("offline", "llm", "agent").contains(kind)) {
            throw new IllegalArgumentException("[proposer] kind = \"" + kind + "\": use offline, llm or agent");
        }
        proposalsPerCall = proposalsPerCall == null ? 1 : proposalsPerCall;
        metaPrompt = metaPrompt == null ? Map.of() : Map.copyOf(metaPrompt);
        command = command == null ? List.of() : List.copyOf(command);
        passEnv = passEnv == null ? List.of() : List.copyOf(passEnv);
        prices = prices == null ? Map.of() : Map.copyOf(prices);
        if (proposalsPerCall < 1) {
            throw new IllegalArgumentException("[proposer] proposals_per_call must be >= 1");
        }
        if (kind.equals("agent") && command.isEmpty()) {
            throw new IllegalArgumentException("[proposer] kind = \"agent\" needs command = [\"codex\", \"exec\", ...]");
        }
        if (kind.equals("llm") && (model == null || model.isBlank())) {
            throw new IllegalArgumentException(
                    "[proposer] kind = \"llm\" needs model = \"...\" (and base_url for a local server)");
        }
    }

    public static ProposerSection defaults() {
        return builder().build();
    }

    /** Named construction; every setting left unset takes its default, as a key missing from the file does. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link ProposerSection} by name; unset settings are null and take their defaults. */
    public static final class Builder {
        private String kind;
        private String provider;
        private String model;
        private String baseUrl;
        private String apiKeyEnv;
        private Double temperature;
        private Integer maxTokens;
        private Integer timeoutSeconds;
        private Integer retries;
        private String editMode;
        private Integer maxEdits;
        private Integer proposalsPerCall;
        private Map<String, String> metaPrompt;
        private List<String> command;
        private String proposalsDir;
        private Integer outputCapKb;
        private List<String> passEnv;
        private Map<String, PriceEntry> prices;
        private Integer retryBudgetSeconds;
        private Integer maxAnswerKb;
        private Integer maxFieldKb;
        private Integer maxFileKb;

        private Builder() {
        }

        public Builder kind(String value) {
            this.kind = value;
            return this;
        }

        public Builder provider(String value) {
            this.provider = value;
            return this;
        }

        public Builder model(String value) {
            this.model = value;
            return this;
        }

        public Builder baseUrl(String value) {
            this.baseUrl = value;
            return this;
        }

        public Builder apiKeyEnv(String value) {
            this.apiKeyEnv = value;
            return this;
        }

        public Builder temperature(Double value) {
            this.temperature = value;
            return this;
        }

        public Builder maxTokens(Integer value) {
            this.maxTokens = value;
            return this;
        }

        public Builder timeoutSeconds(Integer value) {
            this.timeoutSeconds = value;
            return this;
        }

        public Builder retries(Integer value) {
            this.retries = value;
            return this;
        }

        public Builder editMode(String value) {
            this.editMode = value;
            return this;
        }

        public Builder maxEdits(Integer value) {
            this.maxEdits = value;
            return this;
        }

        public Builder proposalsPerCall(Integer value) {
            this.proposalsPerCall = value;
            return this;
        }

        public Builder metaPrompt(Map<String, String> value) {
            this.metaPrompt = value;
            return this;
        }

        public Builder command(List<String> value) {
            this.command = value;
            return this;
        }

        public Builder proposalsDir(String value) {
            this.proposalsDir = value;
            return this;
        }

        public Builder outputCapKb(Integer value) {
            this.outputCapKb = value;
            return this;
        }

        public Builder passEnv(List<String> value) {
            this.passEnv = value;
            return this;
        }

        public Builder prices(Map<String, PriceEntry> value) {
            this.prices = value;
            return this;
        }

        public Builder retryBudgetSeconds(Integer value) {
            this.retryBudgetSeconds = value;
            return this;
        }

        public Builder maxAnswerKb(Integer value) {
            this.maxAnswerKb = value;
            return this;
        }

        public Builder maxFieldKb(Integer value) {
            this.maxFieldKb = value;
            return this;
        }

        public Builder maxFileKb(Integer value) {
            this.maxFileKb = value;
            return this;
        }

        /** @throws IllegalArgumentException when a setting is out of range */
        public ProposerSection build() {
            return new ProposerSection(kind, provider, model, baseUrl, apiKeyEnv, temperature, maxTokens,
                    timeoutSeconds, retries, editMode, maxEdits, proposalsPerCall, metaPrompt, command, proposalsDir,
                    outputCapKb, passEnv, prices, retryBudgetSeconds, maxAnswerKb, maxFieldKb, maxFileKb);
        }
    }

    /** A price row: USD per million input and output tokens. */
    public record PriceEntry(double input, double output) {
    }
}
