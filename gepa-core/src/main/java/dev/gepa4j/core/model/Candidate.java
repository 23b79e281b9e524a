package dev.gepa4j.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A program variant: a map from candidate field (a mutable module of {@code /program}) to its text.
 *
 * <p>The id is derived from the content ({@link CandidateIds#of}), so the same payload always has the same id
 * and duplicates collapse. {@code index} is the registration order within a run (the seed is 0); every parent
 * has a smaller index than its child.
 *
 * @param id         content-derived id, {@code gepa_} + 12 hex characters
 * @param index      registration order in the run, 0 for the seed
 * @param components field to text, sorted by field name
 * @param parentIds  ids of the parents (empty for the seed, two for a merge)
 * @param origin     how it was made: {@code seed}, {@code mutation:<proposer>} or {@code merge}
 */
public record Candidate(String id, int index, SortedMap<String, String> components, List<String> parentIds,
                        String origin) {
    public Candidate {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(origin, "origin");
        if (components == null || components.isEmpty()) {
            throw new IllegalArgumentException("a candidate needs at least one component");
        }
        components.forEach((k, v) -> {
            if (v == null) {
                throw new IllegalArgumentException("component '" + k + "' has no text");
            }
        });
        components = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(components));
        parentIds = List.copyOf(parentIds);
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0");
        }
    }

    /** A candidate whose id is computed from its components. */
    public static Candidate of(int index, Map<String, String> components, List<String> parentIds, String origin) {
        return new Candidate(CandidateIds.of(components), index, new TreeMap<>(components), parentIds, origin);
    }

    public boolean isSeed() {
        return parentIds.isEmpty();
    }
}
