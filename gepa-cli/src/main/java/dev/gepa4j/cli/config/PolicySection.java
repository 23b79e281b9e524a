package dev.gepa4j.cli.config;

/**
 * {@code [policy]}: the model the container calls for the program under optimization. Sent to the container with
 * every rollout; never holds a key (the container reads its own credentials).
 *
 * @param provider  default {@code embedded} for built-in tasks, else {@code openai}
 * @param model     default {@value DefaultModels#EMBEDDED_POLICY} for the embedded policy
 * @param baseUrl   OpenAI-compatible base URL for the container's policy calls
 * @param maxTokens completion limit
 * @param apiKeyEnv refused when set: the container contract's policy carries no key and no key name (the container
 *                  reads its model credentials from its own environment); kept as a field only so the refusal can
 *                  say why instead of "unknown key"
 */
public record PolicySection(String provider, String model, String baseUrl, Integer maxTokens, String apiKeyEnv) {
    public PolicySection {
        if (apiKeyEnv != null) {
            throw new IllegalArgumentException("[policy] api_key_env is not supported: gepa sends the container no "
                    + "key and no key name for its policy model; the container reads its model credentials from its "
                    + "own environment (for the built-in container: OPENAI_API_KEY). Remove this key; for the "
                    + "X-API-Key a container itself requires, use [container] api_key_env");
        }
    }
}
