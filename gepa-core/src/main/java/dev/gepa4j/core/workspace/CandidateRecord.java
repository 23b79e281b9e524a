package dev.gepa4j.core.workspace;

import dev.gepa4j.core.model.Candidate;
import java.time.Instant;
import java.util.Map;

/**
 * A registered candidate with the unified diff of each field against its first parent (empty map for the seed;
 * fields that did not change are absent).
 */
public record CandidateRecord(Candidate candidate, Map<String, String> diffs, Instant registeredAt) {
    public CandidateRecord {
        diffs = Map.copyOf(diffs);
    }
}
