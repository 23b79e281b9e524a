package dev.gepa4j.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The packet's policy and proposer tables, read from the stored run spec (JSON) or a TOML-era run's text. */
class ConfigTablesTest {

    @Test
    void reads_an_object_of_the_json_run_spec_keeping_nested_values_as_json_and_dropping_secrets() {
        String spec = """
                {"spec_version": 1, "proposer": {"kind": "llm", "model": "m", "api_key_env": "OPENAI_API_KEY",
                 "api_key": "sk-should-never-be-here", "max_tokens": 900, "command": ["a", "b"]}}
                """;

        assertThat(ConfigTables.scalars(spec, "proposer")).isEqualTo(Map.of("kind", "llm", "model", "m",
                "api_key_env", "OPENAI_API_KEY", "max_tokens", "900", "command", "[\"a\",\"b\"]"));
    }

    @Test
    void a_run_stored_as_toml_by_an_earlier_version_keeps_its_tables() {
        String toml = "[policy]\nprovider = \"embedded\"\nmodel = \"all-minilm-l6-v2-q\"\n";

        assertThat(ConfigTables.scalars(toml, "policy"))
                .isEqualTo(Map.of("provider", "embedded", "model", "all-minilm-l6-v2-q"));
    }

    @Test
    void text_that_is_neither_gives_an_empty_table() {
        assertThat(ConfigTables.scalars("{not json", "policy")).isEmpty();
        assertThat(ConfigTables.scalars("", "policy")).isEmpty();
        assertThat(ConfigTables.scalars(null, "policy")).isEmpty();
    }
}
