package dev.gepa4j.core.propose;

import java.util.Map;

/** An earlier child of the same parent that was rejected, so the proposer does not repeat it. */
public record RejectedAttempt(Map<String, String> components, String reason) {
    public RejectedAttempt {
        components = Map.copyOf(components);
    }
}
