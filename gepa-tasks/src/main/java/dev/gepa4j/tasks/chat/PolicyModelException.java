package dev.gepa4j.tasks.chat;

/**
 * The policy model is not configured, or did not answer. The message is written for the person running the
 * optimization: what happened and which setting to change. It never contains a key. A task handler lets it
 * propagate; the container SDK turns it into a failed rollout whose trace holds the message.
 */
public final class PolicyModelException extends RuntimeException {
    public PolicyModelException(String message) {
        super(message);
    }

    public PolicyModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
