package dev.gepa4j.core.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The mutable prompt surface a container declares in {@code GET /program}.
 *
 * @param programId     the container's id for the program
 * @param modules       all modules, mutable or not, in the container's order
 * @param seedCandidate field to text of the starting candidate (never synthesized from module content)
 */
public record ProgramSpec(String programId, List<ProgramModule> modules, Map<String, String> seedCandidate) {
    public ProgramSpec {
        Objects.requireNonNull(programId, "programId");
        modules = List.copyOf(modules);
        seedCandidate = java.util.Collections.unmodifiableMap(new TreeMap<>(seedCandidate));
    }

    /** The candidate fields that proposals may rewrite, sorted. */
    public Set<String> mutableFields() {
        Set<String> fields = new TreeSet<>();
        for (ProgramModule m : modules) {
            if (m.mutable()) {
                fields.add(m.candidateField());
            }
        }
        return fields;
    }
}
