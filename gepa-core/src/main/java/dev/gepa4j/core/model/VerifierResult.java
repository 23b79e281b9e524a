package dev.gepa4j.core.model;

/**
 * What the container's verifier said about one rollout. Every field may be absent (null) because containers
 * are not required to send a verifier block; {@code feedback} is the actionable text shown to proposers.
 */
public record VerifierResult(Boolean passed, Double score, String feedback) {
    public static final VerifierResult NONE = new VerifierResult(null, null, null);
}
