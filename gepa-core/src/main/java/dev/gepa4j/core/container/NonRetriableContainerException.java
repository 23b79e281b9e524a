package dev.gepa4j.core.container;

/**
 * A failure that repeats on every attempt: a 4xx other than 408/425/429 (the request is wrong), or a response
 * that breaks the contract ({@link #isContractViolation()}): not JSON, no reward, a reward that is not a number,
 * fewer rows than seeds, a missing contract declaration.
 */
public final class NonRetriableContainerException extends ContainerException {
    private final boolean contractViolation;

    public NonRetriableContainerException(String endpoint, int httpStatus, String message, boolean contractViolation,
                                          Throwable cause) {
        super(endpoint, httpStatus, message, cause);
        this.contractViolation = contractViolation;
    }

    /** A response that breaks the container contract (as opposed to a client error the container reported). */
    public static NonRetriableContainerException contractViolation(String endpoint, String message) {
        return new NonRetriableContainerException(endpoint, 0, message, true, null);
    }

    @Override
    public boolean retriable() {
        return false;
    }

    public boolean isContractViolation() {
        return contractViolation;
    }
}
