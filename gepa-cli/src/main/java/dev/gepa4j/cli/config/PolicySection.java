package dev.gepa4j.cli.config;

/**
 * {@code [policy]}: the model the container calls for the program under optimization. Sent to the container with
 * every rollout; never holds a key (the container reads its own credentials).
 *
 * @param provider  default {@code embedded} for built-in tasks, else {@code openai}
 * @param model     default {@value DefaultModels#EMBEDDED_POLICY} for the embedded policy
 * @param baseUrl   OpenAI-compatible base URL for the container's policy calls
 * @param maxTokens completion limit
 * @param apiKeyEnv name of the env var the container should read its key from (passed as a name, never a value)
 */
public record PolicySection(String provider, String model, String baseUrl, Integer maxTokens, String apiKeyEnv) {
}
