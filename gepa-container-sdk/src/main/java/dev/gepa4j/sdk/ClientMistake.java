package dev.gepa4j.sdk;

import dev.gepa4j.core.error.GepaException;

/**
 * A request the server refuses: answered with {@code status} and {@code {error: code, detail: message}}.
 * Never a server fault, so never a 500.
 */
final class ClientMistake extends GepaException {
    private final int status;
    private final String code;

    ClientMistake(int status, String code, String detail) {
        super(FAILED, detail);
        this.status = status;
        this.code = code;
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
