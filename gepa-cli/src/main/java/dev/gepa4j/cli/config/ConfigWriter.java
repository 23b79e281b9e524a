package dev.gepa4j.cli.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;

/**
 * Writes a config back as TOML, for runs assembled from command-line options (the demo): the run stores it so
 * {@code gepa resume} can rebuild the same run. Configs hold names of environment variables, never keys.
 */
public final class ConfigWriter {
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_EMPTY)
            .build();

    private ConfigWriter() {
    }

    public static String toToml(GepaConfig config) {
        try {
            return TOML.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new ConfigException("cannot write the configuration as TOML: " + e.getOriginalMessage(), e);
        }
    }
}
