package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Step 4 of the loop, the arithmetic part: which candidates run on heldout and which one wins.
 *
 * <p>Picks: the seed first (the lift is measured against it), then frontier members and the best-mean candidate in
 * order of train mean (ties: lower index), {@code topK} of them besides the seed, as many as the reserve pays for
 * whole. Winner: the highest heldout mean; ties go to the higher train mean, then the lower index. A candidate with no
 * measured heldout result ranks below every measured one.
 */
final class HeldoutSelection {
    private HeldoutSelection() {
    }

    static List<Candidate> picks(ParetoFrontier frontier, Candidate seed, int topK, long reserve, int heldoutSize) {
        if (heldoutSize == 0) {
            return List.of();
        }
        Set<String> eligible = new LinkedHashSet<>(frontier.members());
        eligible.add(frontier.bestByMean().id());
        List<Candidate> picks = new ArrayList<>();
        picks.add(seed);
        frontier.rankedByMean().stream().filter(c -> eligible.contains(c.id()) && !c.id().equals(seed.id()))
                .limit(topK).forEach(picks::add);
        long affordable = reserve / heldoutSize;
        return picks.subList(0, (int) Math.min(picks.size(), affordable));
    }

    /** Heldout mean per candidate over its measured results (null when none measured), in pick order. */
    static Map<String, Double> means(List<Candidate> picks, List<RolloutResult> results, int heldoutSize) {
        Map<String, Double> means = new LinkedHashMap<>();
        for (int p = 0; p < picks.size(); p++) {
            double sum = 0;
            int n = 0;
            for (int i = p * heldoutSize; i < (p + 1) * heldoutSize; i++) {
                RolloutResult r = results.get(i);
                if (r != null && r.measured()) {
                    sum += r.reward();
                    n++;
                }
            }
            means.put(picks.get(p).id(), n == 0 ? null : sum / n);
        }
        return means;
    }

    static Candidate best(ParetoFrontier frontier, Map<String, Double> heldoutMeans) {
        List<Candidate> measured = heldoutMeans.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> frontier.candidate(e.getKey())).toList();
        if (measured.isEmpty()) {
            return frontier.bestByMean();
        }
        Comparator<Candidate> order = Comparator.comparingDouble((Candidate c) -> heldoutMeans.get(c.id()))
                .thenComparingDouble(c -> trainOrLowest(frontier, c))
                .thenComparing(Comparator.comparingInt(Candidate::index).reversed());
        return measured.stream().max(order).orElseThrow();
    }

    private static double trainOrLowest(ParetoFrontier frontier, Candidate c) {
        Double m = frontier.trainMean(c.id());
        return m == null ? Double.NEGATIVE_INFINITY : m;
    }
}
