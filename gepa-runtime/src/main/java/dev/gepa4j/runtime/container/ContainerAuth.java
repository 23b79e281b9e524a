package dev.gepa4j.runtime.container;

import java.util.Locale;

/**
 * How the container's key travels: {@code X-API-Key: KEY} (the default, what gepa containers check) or
 * {@code Authorization: Bearer KEY} (what some containers of the public contract read instead).
 */
public enum ContainerAuth {
    X_API_KEY("x-api-key"),
    BEARER("bearer");

    private final String label;

    ContainerAuth(String label) {
        this.label = label;
    }

    /** The config spelling: {@code x-api-key} or {@code bearer}. */
    public String label() {
        return label;
    }

    /** The header name and value that carry {@code key}. */
    String headerName() {
        return this == BEARER ? "Authorization" : "X-API-Key";
    }

    String headerValue(String key) {
        return this == BEARER ? "Bearer " + key : key;
    }

    /**
     * Reads a config value; null means the default.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static ContainerAuth parse(String text) {
        if (text == null) {
            return X_API_KEY;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "x-api-key", "x_api_key" -> X_API_KEY;
            case "bearer" -> BEARER;
            default -> throw new IllegalArgumentException("auth must be \"x-api-key\" (send the key as X-API-Key) or "
                    + "\"bearer\" (send it as Authorization: Bearer), was \"" + text + "\"");
        };
    }
}
