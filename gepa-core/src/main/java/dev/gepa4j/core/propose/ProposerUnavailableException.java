package dev.gepa4j.core.propose;

/** The proposer could not be reached or run (endpoint down, agent binary missing). The cause is kept. */
public final class ProposerUnavailableException extends RuntimeException {
    private final boolean retriable;

    public ProposerUnavailableException(String message, boolean retriable, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
    }

    public boolean retriable() {
        return retriable;
    }
}
