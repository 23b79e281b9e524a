package dev.gepa4j.core.strategy;

import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.Set;

/**
 * Decides which fields of a multi-component program a proposal may rewrite.
 *
 * <p>Contract: returns a non-empty, duplicate-free subset of {@code mutableFields} in their order. May keep state per
 * candidate; {@link #inherit} is called once for every registered child so a selector can continue a lineage where
 * the parent left off.
 */
public interface ComponentSelector {

    List<String> fieldsToUpdate(Candidate parent, List<String> mutableFields);

    /**
     * Like {@link #fieldsToUpdate(Candidate, List)}, told which fields other proposals in flight are already rewriting
     * from the same parent ({@code busy}), so concurrent proposals can spread over the fields instead of repeating
     * one another. With {@code busy} empty it must answer exactly as the two-argument form (serial runs pass it
     * empty and must not change). The default ignores {@code busy}.
     */
    default List<String> fieldsToUpdate(Candidate parent, List<String> mutableFields, Set<String> busy) {
        return fieldsToUpdate(parent, mutableFields);
    }

    /** Called when a child is registered; its parents were registered before. */
    default void inherit(Candidate child) {
    }

    String name();

    /** Parses {@code round_robin} or {@code all}. */
    static ComponentSelector parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "round_robin" -> new RoundRobinComponents();
            case "all" -> new AllComponents();
            default -> throw new IllegalArgumentException("unknown component selector '" + text
                    + "': use round_robin or all");
        };
    }
}
