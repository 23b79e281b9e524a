package dev.gepa4j.runtime.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gepa4j.core.secret.SecretNames;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the settings of one table (e.g. {@code [policy]}) from a run's TOML config text, for display in the evidence
 * packet. Any TOML form works (sections, dotted keys, inline tables); nested values are kept as their JSON text.
 * Keys that name a secret ({@link SecretNames#isSecret}) are dropped even though config text is stored without
 * secrets, because the packet is meant to be shared. Text that is not valid TOML gives an empty table (the packet
 * is still written).
 */
final class ConfigTables {
    private static final TomlMapper TOML = new TomlMapper();

    private ConfigTables() {
    }

    static Map<String, String> scalars(String configText, String table) {
        Map<String, String> out = new TreeMap<>();
        JsonNode node;
        try {
            node = TOML.readTree(configText == null ? "" : configText).path(table);
        } catch (java.io.IOException e) {
            return out;
        }
        node.fields().forEachRemaining(e -> {
            if (!SecretNames.isSecret(e.getKey())) {
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return out;
    }
}
