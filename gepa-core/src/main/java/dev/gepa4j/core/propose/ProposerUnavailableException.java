package dev.gepa4j.core.propose;

import dev.gepa4j.core.error.GepaException;

/** The proposer could not be reached or run (endpoint down, agent binary missing). The cause is kept. */
public final class ProposerUnavailableException extends GepaException {
    private final boolean retriable;

    public ProposerUnavailableException(String message, boolean retriable, Throwable cause) {
        super(FAILED, message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
