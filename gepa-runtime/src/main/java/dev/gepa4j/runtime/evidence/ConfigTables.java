package dev.gepa4j.runtime.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gepa4j.core.secret.SecretNames;
import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the settings of one object (e.g. {@code "policy"}) of a run's stored run spec, for display in the evidence
 * packet; nested values are kept as their JSON text. Runs stored before the run spec existed hold the configuration's
 * TOML text instead, read the same way so their packets keep these tables. Keys that name a secret
 * ({@link SecretNames#isSecret}) are dropped even though the spec is stored without secrets, because the packet is
 * meant to be shared. Text that is neither gives an empty table (the packet is still written).
 */
final class ConfigTables {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper LEGACY_TOML = new TomlMapper();

    private ConfigTables() {
    }

    static Map<String, String> scalars(String specJson, String table) {
        Map<String, String> out = new TreeMap<>();
        String text = specJson == null ? "" : specJson.strip();
        JsonNode node;
        try {
            node = (text.startsWith("{") ? JSON.readTree(text) : LEGACY_TOML.readTree(text)).path(table);
        } catch (IOException e) {
            return out;
        }
        node.properties().forEach(e -> {
            if (!SecretNames.isSecret(e.getKey())) {
                out.put(e.getKey(), e.getValue().isValueNode() ? e.getValue().asText() : e.getValue().toString());
            }
        });
        return out;
    }
}
