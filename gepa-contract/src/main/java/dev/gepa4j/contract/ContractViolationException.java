package dev.gepa4j.contract;

import dev.gepa4j.core.error.GepaException;

/**
 * A document breaks the container contract: not JSON, a field of the wrong type, a missing or non-numeric
 * reward, fewer rows than seeds. Repeating the same call gives the same answer, so a retry never helps.
 * The message says which field was wrong and what a conformant document has there.
 */
public final class ContractViolationException extends GepaException {
    private final String code;

    /**
     * @param code    short machine-readable kind ({@code malformed_json}, {@code wrong_type}, {@code missing_reward},
     *                ...), used as the {@code error} of a 4xx body
     * @param message what was wrong and what to do
     */
    public ContractViolationException(String code, String message) {
        this(code, message, null);
    }

    public ContractViolationException(String code, String message, Throwable cause) {
        super(FAILED, message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
