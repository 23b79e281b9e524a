package dev.gepa4j.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/** Reads {@code gepa.toml} strictly: unknown keys and wrong types are errors that name the key and the fix. */
public final class ConfigLoader {
    private static final TomlMapper TOML = TomlMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigLoader() {
    }

    /** The mapper {@link #parse} reads with (its naming strategy decides the keys), for tests that list the keys. */
    static ObjectMapper mapper() {
        return TOML;
    }

    /** Parses a config file; throws {@link ConfigException} with the file, the key and what to change. */
    public static GepaConfig load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new ConfigException("config file " + file + " does not exist; see README.md for an example gepa.toml");
        }
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new ConfigException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
    }

    public static GepaConfig parse(String toml, String origin) {
        try {
            return TOML.readValue(toml, GepaConfig.class);
        } catch (UnrecognizedPropertyException e) {
            String known = e.getKnownPropertyIds() == null ? "" : e.getKnownPropertyIds().stream()
                    .map(String::valueOf).sorted().collect(Collectors.joining(", "));
            throw new ConfigException(origin + ": unknown key '" + e.getPropertyName() + "' in " + where(e)
                    + "; known keys there: " + known, e);
        } catch (JsonMappingException e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            String why = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
            throw new ConfigException(origin + ": invalid value at " + where(e) + ": " + why, e);
        } catch (IOException e) {
            throw new ConfigException(origin + ": not valid TOML: " + e.getMessage(), e);
        }
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : path;
    }
}
