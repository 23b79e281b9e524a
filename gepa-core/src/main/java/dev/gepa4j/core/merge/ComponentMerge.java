package dev.gepa4j.core.merge;

import dev.gepa4j.core.model.Candidate;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Two candidates merged field by field through their common ancestor:
 * <ul>
 *   <li>only one parent changed the field since the ancestor: that parent's text (the change is the progress);</li>
 *   <li>neither changed it, or both to the same text: the common text;</li>
 *   <li>both changed it differently: the {@link ThreeWayMerge} of the two texts, which keeps both parents' edits
 *       when they do not overlap (and both insertions, the better parent's first, when both only inserted at one
 *       place); when the edits conflict, the better parent's text.</li>
 * </ul>
 * The better parent is the one with the higher train mean, {@code a} on a tie, so a merge repeats exactly.
 *
 * @param components the merged child's text per field, in the order of the fields asked for
 * @param sources    per field, where its text came from, for a person reading the proposal
 * @param conflicts  fields both parents changed whose edits conflicted (so the better parent's text was taken)
 */
public record ComponentMerge(Map<String, String> components, Map<String, String> sources, int conflicts) {

    /**
     * @throws IllegalArgumentException when a field is missing from a parent
     */
    public static ComponentMerge of(Candidate ancestor, Candidate a, Candidate b, boolean aIsBetter,
                                    Collection<String> fields) {
        Candidate better = aIsBetter ? a : b;
        Candidate worse = aIsBetter ? b : a;
        Map<String, String> child = new LinkedHashMap<>();
        Map<String, String> sources = new LinkedHashMap<>();
        int conflicts = 0;
        for (String field : fields) {
            String fromA = a.components().get(field);
            String fromB = b.components().get(field);
            if (fromA == null || fromB == null) {
                throw new IllegalArgumentException("field '" + field + "' is missing from parent "
                        + (fromA == null ? a.id() : b.id()) + ", cannot merge");
            }
            String base = ancestor.components().get(field);
            if (fromA.equals(fromB)) {
                child.put(field, fromA);
                sources.put(field, "both parents agree");
            } else if (Objects.equals(fromA, base)) {
                child.put(field, fromB);
                sources.put(field, b.id() + " (only it changed the field)");
            } else if (Objects.equals(fromB, base)) {
                child.put(field, fromA);
                sources.put(field, a.id() + " (only it changed the field)");
            } else {
                String ours = better.components().get(field);
                Optional<String> merged = base == null ? Optional.empty()
                        : ThreeWayMerge.merge(base, ours, worse.components().get(field));
                if (merged.isPresent()) {
                    child.put(field, merged.get());
                    sources.put(field, "both changed it; three-way merge kept the edits of both");
                } else {
                    conflicts++;
                    child.put(field, ours);
                    sources.put(field, better.id() + " (both changed it, the edits conflict; higher train mean)");
                }
            }
        }
        return new ComponentMerge(Collections.unmodifiableMap(child), Collections.unmodifiableMap(sources), conflicts);
    }

    /** True when the child differs from both parents on the fields merged, so it takes something from each. */
    public boolean takesFromBoth(Candidate a, Candidate b) {
        return components.entrySet().stream().anyMatch(e -> !e.getValue().equals(a.components().get(e.getKey())))
                && components.entrySet().stream().anyMatch(e -> !e.getValue().equals(b.components().get(e.getKey())));
    }
}
