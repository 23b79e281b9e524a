package dev.gepa4j.runtime.evidence;

import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the scalar settings of one table (e.g. {@code [policy]}) from a run's TOML config text, for display in the
 * evidence packet. It understands {@code key = "text"}, {@code key = 'text'}, numbers and booleans on their own
 * line; arrays and inline tables are kept as their source text. Keys that name a secret are dropped even though
 * config text is stored without secrets, because the packet is meant to be shared.
 */
final class ConfigTables {
    private ConfigTables() {
    }

    static Map<String, String> scalars(String configText, String table) {
        Map<String, String> out = new TreeMap<>();
        boolean inTable = false;
        for (String raw : configText == null ? new String[0] : configText.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("[")) {
                inTable = line.equals("[" + table + "]");
                continue;
            }
            int eq = line.indexOf('=');
            if (!inTable || line.startsWith("#") || eq <= 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String lower = key.toLowerCase(java.util.Locale.ROOT);
            if (lower.contains("key") && !lower.endsWith("_env") || lower.contains("secret") || lower.contains("token")
                    && !lower.contains("max")) {
                continue;
            }
            out.put(key, unquote(line.substring(eq + 1).strip()));
        }
        return out;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                || value.startsWith("'") && value.endsWith("'"))) {
            return value.substring(1, value.length() - 1);
        }
        int comment = value.indexOf(" #");
        return comment > 0 && !value.startsWith("[") ? value.substring(0, comment).strip() : value;
    }
}
