package dev.gepa4j.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The union of what the three former detectors (container SDK bodies, policy spec extras, evidence config tables)
 * caught, plus the names they disagreed on, decided once.
 */
class SecretNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {
            // the SDK's cases: api_key / apikey anywhere, any case, dashes
            "api_key", "OPENAI_API_KEY", "x-api-key", "X-Api-Key", "apikey", "openai_apikey", "openAiApiKey",
            // the policy spec's: a name containing api_key
            "ANTHROPIC_API_KEY", "my_api_key_value",
            // the evidence writer's: key (not *_env), secret, token (not max)
            "key", "access_key", "private_key", "OPENAI_KEY", "api_key_value", "access_key_id", "secret",
            "client_secret", "token", "auth_token", "hf_token",
            "GITHUB_TOKEN", "refresh_token",
            // more words for the same thing
            "password", "db_password", "passwd", "credentials", "bearer", "Authorization", "AWS_SECRET_ACCESS_KEY"})
    void secretNames(String name) {
        assertThat(SecretNames.isSecret(name)).as(name).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // names of variables, not values (the evidence writer kept these)
            "api_key_env", "OPENAI_API_KEY_ENV",
            // token counts, which every packet and request carries
            "max_tokens", "max_completion_tokens", "input_tokens", "output_tokens", "prompt_tokens", "total_tokens",
            "max_token", "token_budget", "token_count",
            // keys that are not secrets
            "cache_key", "public_key", "sort_key", "idempotency_key",
            // prompt fields a task may well have
            "key_points", "key_facts", "keywords",
            // ordinary settings
            "model", "temperature", "base_url", "provider", "monkey", "keyboard_layout", "", "  "})
    void ordinaryNames(String name) {
        assertThat(SecretNames.isSecret(name)).as(name).isFalse();
    }
}
