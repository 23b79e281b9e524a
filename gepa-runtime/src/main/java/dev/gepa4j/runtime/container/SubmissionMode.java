package dev.gepa4j.runtime.container;

import java.util.Locale;
import java.util.Set;

/**
 * How rollouts are submitted. {@code SYNC}: {@code POST /rollout} answers with the result. {@code ASYNC}: it answers
 * 202 with a queued record, and the result is polled at {@code GET /rollouts/{id}}. {@code AUTO}: what the container
 * declares in {@code /metadata} ({@code capabilities.rollout_modes}): async only when it declares async and not sync.
 */
public enum SubmissionMode {
    SYNC("sync"),
    ASYNC("async"),
    AUTO("auto");

    private final String label;

    SubmissionMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * The mode to use with a container declaring {@code declared} (normalized mode names, see
     * {@code dev.gepa4j.contract.AsyncRecords#rolloutModes}); SYNC and ASYNC are kept as configured.
     */
    public SubmissionMode resolve(Set<String> declared) {
        if (this != AUTO) {
            return this;
        }
        return declared.contains("async") && !declared.contains("sync") ? ASYNC : SYNC;
    }

    /**
     * Reads a config value; null means {@code AUTO}.
     *
     * @throws IllegalArgumentException naming the accepted values
     */
    public static SubmissionMode parse(String text) {
        if (text == null) {
            return AUTO;
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "sync", "blocking" -> SYNC;
            case "async" -> ASYNC;
            case "auto" -> AUTO;
            default -> throw new IllegalArgumentException("submission must be \"sync\", \"async\" or \"auto\" (follow "
                    + "what /metadata declares), was \"" + text + "\"");
        };
    }
}
