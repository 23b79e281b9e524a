package dev.gepa4j.core.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The rule that a row has one data role only: train, pareto, heldout and test never share an example (by the
 * container's {@code example_id}). A shared row would let a decision read the rows it is judged on, or let the
 * reported test score include rows the loop selected on.
 */
public final class SplitOverlap {
    /** Shared example ids named in the error, at most. */
    static final int NAMED = 10;

    private SplitOverlap() {
    }

    /**
     * @param rowsByRole rows per role name (any order; empty lists are fine)
     * @throws IllegalArgumentException naming the first two roles that share rows and up to {@value #NAMED} of
     *                                  the shared example ids
     */
    public static void requireDisjoint(Map<String, List<DatasetRow>> rowsByRole) {
        Map<String, Set<String>> ids = new LinkedHashMap<>();
        new TreeMap<>(rowsByRole).forEach((role, rows) -> {
            Set<String> own = new LinkedHashSet<>();
            rows.forEach(r -> own.add(r.ref().exampleId()));
            ids.put(role, own);
        });
        List<String> roles = new ArrayList<>(ids.keySet());
        for (int i = 0; i < roles.size(); i++) {
            for (int j = i + 1; j < roles.size(); j++) {
                List<String> shared = ids.get(roles.get(i)).stream().filter(ids.get(roles.get(j))::contains).toList();
                if (!shared.isEmpty()) {
                    String named = String.join(", ", shared.subList(0, Math.min(NAMED, shared.size())))
                            + (shared.size() > NAMED ? " and " + (shared.size() - NAMED) + " more" : "");
                    throw new IllegalArgumentException("the " + roles.get(i) + " and " + roles.get(j) + " splits share "
                            + shared.size() + " row(s): " + named + "; every row may have one role only, so give "
                            + "them disjoint seeds (or sizes that do not overlap)");
                }
            }
        }
    }
}
