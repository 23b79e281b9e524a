package dev.gepa4j.cli.config;

/** The configuration is wrong; the message names the file, the key and what to change. Not retriable. */
public final class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }

    public ConfigException(String message, Throwable cause) {
        super(message, cause);
    }
}
