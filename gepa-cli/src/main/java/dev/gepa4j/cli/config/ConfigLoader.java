package dev.gepa4j.cli.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
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

    /**
     * Parses config text. A file in the reference GEPA runtime's format ({@link ReferenceConfig}) is converted first,
     * and what was not carried over is written to standard error.
     */
    public static GepaConfig parse(String toml, String origin) {
        try {
            JsonNode tree = TOML.readTree(toml);
            if (ReferenceConfig.isReference(tree)) {
                ReferenceConfig.Result converted = ReferenceConfig.convert(tree);
                System.err.println("gepa: " + ReferenceConfig.describe(origin, converted));
                tree = converted.config();
            }
            return tree == null || tree.isMissingNode() ? TOML.readValue(toml, GepaConfig.class)
                    : TOML.treeToValue(tree, GepaConfig.class);
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

    /** Writes a config tree as TOML: one {@code [section]} per top-level table, in the tree's order. */
    public static String toToml(JsonNode tree) {
        StringBuilder out = new StringBuilder();
        try {
            for (var section : tree.properties()) {
                out.append('[').append(section.getKey()).append("]\n");
                for (var key : section.getValue().properties()) {
                    var single = TOML.createObjectNode().set(key.getKey(), key.getValue());
                    out.append(TOML.writeValueAsString(single).strip()).append('\n');
                }
                out.append('\n');
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the config as TOML", e);
        }
        return out.toString();
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        return path.isEmpty() ? "the top level" : path;
    }
}
