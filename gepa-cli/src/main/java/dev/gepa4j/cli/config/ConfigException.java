package dev.gepa4j.cli.config;

import dev.gepa4j.core.error.GepaException;

/** The configuration is wrong; the message names the file, the key and what to change. Not retriable. */
public final class ConfigException extends GepaException {
    public ConfigException(String message) {
        super(USAGE, message);
    }

    public ConfigException(String message, Throwable cause) {
        super(USAGE, message, cause);
    }
}
