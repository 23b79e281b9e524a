package dev.gepa4j.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.core.secret.SecretNames;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/** Turns a request body into a document, or a {@link ClientMistake} saying what was wrong with it. */
final class RequestBodies {
    private RequestBodies() {
    }

    /**
     * Parses a JSON object body into {@code type}: 400 for malformed JSON, a non-object or wrong field types;
     * 422 for any field whose name {@link SecretNames#isSecret} calls a secret, at any depth (keys never travel in
     * bodies).
     */
    static <T> T read(byte[] body, Class<T> type, String route) {
        JsonNode tree;
        try {
            tree = ContractCodec.readTree(body);
        } catch (ContractViolationException e) {
            throw new ClientMistake(400, "malformed_json", route + ": " + e.getMessage());
        }
        if (!tree.isObject()) {
            throw new ClientMistake(400, "malformed_json", route + ": the body must be a JSON object, got "
                    + tree.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        String keyPath = findApiKeyField(tree, "");
        if (keyPath != null) {
            throw new ClientMistake(422, "api_key_in_body", route + ": field '" + keyPath
                    + "' looks like an API key; keys never travel in request bodies: set the key in the "
                    + "container's environment, or send the container's own key in the X-API-Key header");
        }
        try {
            return ContractCodec.convert(tree, type);
        } catch (ContractViolationException e) {
            throw new ClientMistake(400, e.code(), route + ": " + e.getMessage());
        }
    }

    private static String findApiKeyField(JsonNode node, String path) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> e = fields.next();
                String here = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
                if (SecretNames.isSecret(e.getKey())) {
                    return here;
                }
                String deeper = findApiKeyField(e.getValue(), here);
                if (deeper != null) {
                    return deeper;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String deeper = findApiKeyField(node.get(i), path + "[" + i + "]");
                if (deeper != null) {
                    return deeper;
                }
            }
        }
        return null;
    }
}
