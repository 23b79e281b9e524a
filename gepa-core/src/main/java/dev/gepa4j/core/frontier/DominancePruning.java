package dev.gepa4j.core.frontier;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns the frontier's per-example holder sets ("fronts") into parent-sampling weights.
 *
 * <p>Rule: candidates are tested weakest first (train mean ascending, then registration order); a candidate is
 * dropped when every front it holds is also held by another remaining candidate, until no more can be dropped. So
 * every front keeps at least one holder, and among tied holders the stronger tends to stay. A survivor's weight is
 * the number of fronts it holds.
 *
 * <p>The fix over the reference: on pass/fail metrics a lucky sole solver of one example can never be dropped, while
 * a broadly strong candidate that holds no front alone is pruned and never sampled again. Here the candidate with
 * the best train mean always keeps a weight of at least 1, whether pruned or holding no front at all.
 */
public final class DominancePruning {
    private DominancePruning() {
    }

    /**
     * @param fronts     holder sets of the examples somebody solves
     * @param means      every candidate's train mean, in registration order (unmeasured: negative infinity)
     * @param bestMeanId the candidate with the best train mean
     * @return candidate id to weight (&gt;= 1), in registration order; only candidates with weight appear
     */
    public static Map<String, Integer> weights(List<Set<String>> fronts, Map<String, Double> means, String bestMeanId) {
        List<String> order = new ArrayList<>(means.keySet());
        Map<String, Integer> registration = new LinkedHashMap<>();
        for (String id : order) {
            registration.put(id, registration.size());
        }
        Set<String> inFronts = new LinkedHashSet<>();
        fronts.forEach(inFronts::addAll);
        List<String> survivors = new ArrayList<>(inFronts);
        survivors.sort(Comparator.comparingDouble((String id) -> means.getOrDefault(id, Double.NEGATIVE_INFINITY))
                .thenComparingInt(id -> registration.getOrDefault(id, Integer.MAX_VALUE)));
        boolean dropped = true;
        while (dropped) {
            dropped = false;
            for (String y : survivors) {
                if (dominated(y, fronts, survivors)) {
                    survivors.remove(y);
                    dropped = true;
                    break;
                }
            }
        }
        Map<String, Integer> weights = new LinkedHashMap<>();
        for (String id : order) {
            int w = 0;
            if (survivors.contains(id)) {
                for (Set<String> f : fronts) {
                    if (f.contains(id)) {
                        w++;
                    }
                }
            }
            if (id.equals(bestMeanId)) {
                w = Math.max(w, 1);
            }
            if (w > 0) {
                weights.put(id, w);
            }
        }
        return weights;
    }

    /** True when every front holding y is also held by another survivor. */
    private static boolean dominated(String y, List<Set<String>> fronts, List<String> survivors) {
        for (Set<String> f : fronts) {
            if (f.contains(y) && f.stream().noneMatch(o -> !o.equals(y) && survivors.contains(o))) {
                return false;
            }
        }
        return true;
    }
}
