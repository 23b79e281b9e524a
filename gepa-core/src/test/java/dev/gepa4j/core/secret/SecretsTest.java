package dev.gepa4j.core.secret;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void valuesOfNamedWellKnownAndSecretNamedVariablesAreScrubbedByValue() {
        Secrets secrets = Secrets.fromEnvironment(Map.of("MY_PROXY_VAR", "proxy-key-123456789",
                "OPENAI_API_KEY", "sk-openai-abcdefgh", "DB_PASSWORD", "hunter2hunter2", "HOME", "/root/home/dir",
                "SHORT_TOKEN", "abc"), List.of("MY_PROXY_VAR"));

        String text = "key sk-openai-abcdefgh, proxy proxy-key-123456789, db hunter2hunter2, home /root/home/dir, abc";

        assertThat(secrets.scrub(text)).isEqualTo("key [secret OPENAI_API_KEY removed], proxy [secret MY_PROXY_VAR "
                + "removed], db [secret DB_PASSWORD removed], home /root/home/dir, abc");
        assertThat(secrets.names()).containsExactly("DB_PASSWORD", "MY_PROXY_VAR", "OPENAI_API_KEY");
        assertThat(secrets.toString()).doesNotContain("sk-openai");
    }

    @Test
    void aValueContainingAnotherIsRemovedWhole() {
        Secrets secrets = Secrets.of(Map.of("A_KEY", "sk-1234567890", "B_KEY", "sk-1234567890-extended"));

        assertThat(secrets.scrub("x sk-1234567890-extended y")).isEqualTo("x [secret B_KEY removed] y");
        assertThat(secrets.foundIn("..sk-1234567890..")).contains("A_KEY");
        assertThat(secrets.foundIn("nothing here")).isEmpty();
    }

    @Test
    void noSecretsLeavesTextAlone() {
        assertThat(Secrets.none().scrub("sk-anything")).isEqualTo("sk-anything");
        assertThat(Secrets.none().scrub(null)).isNull();
    }
}
