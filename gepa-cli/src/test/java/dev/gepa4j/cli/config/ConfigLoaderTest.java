package dev.gepa4j.cli.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigLoaderTest {

    @Test
    void an_empty_file_gives_the_documented_defaults() {
        GepaConfig config = ConfigLoader.parse("", "gepa.toml");

        assertThat(config.proposer().kind()).isEqualTo("offline");
        assertThat(config.gepa().maxRollouts()).isEqualTo(1500);
        assertThat(config.gepa().minibatchSize()).isEqualTo(5);
        assertThat(config.rollout().cache()).isEqualTo("readwrite");
        assertThat(config.container().heldoutSplit()).isEqualTo("test");
        assertThat(config.run().mode()).isEqualTo("overlapped");
    }

    @Test
    void sections_and_snake_case_keys_are_read() {
        GepaConfig config = ConfigLoader.parse("""
                [run]
                seed = 7
                mode = "serial"
                [container]
                url = "http://127.0.0.1:9000"
                [seed_candidate]
                system = "Be helpful."
                [proposer]
                kind = "llm"
                model = "gpt-4.1-mini"
                base_url = "http://127.0.0.1:8081/v1"
                api_key_env = "OPENAI_API_KEY"
                [gepa]
                max_rollouts = 300
                minibatch_size = 4
                """, "gepa.toml");

        assertThat(config.run().seed()).isEqualTo(7);
        assertThat(config.container().endpoints()).containsExactly("http://127.0.0.1:9000");
        assertThat(config.seedCandidate()).containsEntry("system", "Be helpful.");
        assertThat(config.proposer().baseUrl()).isEqualTo("http://127.0.0.1:8081/v1");
        assertThat(config.proposer().apiKeyEnv()).isEqualTo("OPENAI_API_KEY");
        assertThat(config.gepa().maxRollouts()).isEqualTo(300);
    }

    @Test
    void a_misspelt_key_is_an_error_that_names_it_and_the_known_keys() {
        assertThatThrownBy(() -> ConfigLoader.parse("[gepa]\nminibach_size = 3\n", "gepa.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("minibach_size")
                .hasMessageContaining("minibatch_size");
    }

    @Test
    void an_invalid_value_says_what_to_change() {
        assertThatThrownBy(() -> ConfigLoader.parse("[run]\nmode = \"fast\"\n", "gepa.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("use \"serial\" or \"overlapped\"");
        assertThatThrownBy(() -> ConfigLoader.parse("[proposer]\nkind = \"agent\"\n", "gepa.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("needs command");
    }

    @Test
    void in_flight_defaults_to_eight_lanes_with_an_llm_proposer_four_with_the_others_and_a_set_value_wins() {
        GepaConfig unset = ConfigLoader.parse("", "gepa.toml");
        GepaConfig set = ConfigLoader.parse("[gepa]\nin_flight = 2\n", "gepa.toml");

        assertThat(unset.gepa().inFlightFor("offline")).isEqualTo(4);
        assertThat(unset.gepa().inFlightFor("llm")).isEqualTo(8);
        assertThat(unset.gepa().inFlightFor("agent")).isEqualTo(4);
        assertThat(set.gepa().inFlightFor("llm")).isEqualTo(2);
        assertThat(set.gepa().inFlightFor("agent")).isEqualTo(2);
        assertThatThrownBy(() -> ConfigLoader.parse("[gepa]\nin_flight = 0\n", "gepa.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("in_flight must be >= 1");
    }

    @Test
    void a_policy_key_name_is_refused_because_no_key_or_key_name_is_ever_sent_to_a_container() {
        assertThatThrownBy(() -> ConfigLoader.parse("[policy]\nmodel = \"gpt-4.1-nano\"\napi_key_env = \"OPENAI_API_KEY\"\n",
                "gepa.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("gepa.toml")
                .hasMessageContaining("[policy] api_key_env is not supported")
                .hasMessageContaining("[container] api_key_env");
        assertThat(ConfigLoader.parse("[policy]\nmodel = \"gpt-4.1-nano\"\n", "gepa.toml").policy().model())
                .isEqualTo("gpt-4.1-nano");
    }

    @Test
    void text_that_is_not_toml_is_reported_as_such() {
        assertThatThrownBy(() -> ConfigLoader.parse("[gepa\nmax_rollouts = ", "broken.toml"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("broken.toml");
    }
}
