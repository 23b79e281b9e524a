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
 * whole. Winner: the highest heldout mean; ties go to the higher train mean, then the lower index. Means are over the
 * heldout examples measured for the picks ({@link #outcome}); a pick without a comparable heldout mean is never the
 * winner while another has one, and when no pick has one the loop fails rather than pick on train.
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

    /**
     * The heldout results of the picks.
     *
     * @param means      heldout mean per pick, in pick order, over the examples measured for every pick that has a
     *                   complete set (null for a pick measured on fewer of them, or on none): the picks compared are
     *                   compared on the same examples
     * @param unmeasured heldout examples no pick was measured on, in heldout order, to the last error seen there
     */
    record Outcome(Map<String, Double> means, Map<String, String> unmeasured) {
    }

    /**
     * Heldout examples measured for no pick leave the comparison (they are a container defect on that row, named in
     * {@link Outcome#unmeasured()}); a pick not measured on every remaining example is not compared at all.
     */
    static Outcome outcome(List<Candidate> picks, List<RolloutResult> results, List<String> heldoutIds) {
        int size = heldoutIds.size();
        List<Map<String, Double>> measured = new ArrayList<>();
        Map<String, String> lastError = new LinkedHashMap<>();
        Set<String> anyMeasured = new LinkedHashSet<>();
        for (int p = 0; p < picks.size(); p++) {
            Map<String, Double> rewards = new LinkedHashMap<>();
            for (int i = 0; i < size; i++) {
                RolloutResult r = results.get(p * size + i);
                String id = heldoutIds.get(i);
                if (r != null && r.measured()) {
                    rewards.put(id, r.reward());
                    anyMeasured.add(id);
                } else {
                    lastError.put(id, r == null ? "not run" : r.error());
                }
            }
            measured.add(rewards);
        }
        Map<String, Double> means = new LinkedHashMap<>();
        for (int p = 0; p < picks.size(); p++) {
            Map<String, Double> rewards = measured.get(p);
            boolean complete = !anyMeasured.isEmpty() && rewards.keySet().containsAll(anyMeasured);
            means.put(picks.get(p).id(), complete
                    ? rewards.values().stream().mapToDouble(Double::doubleValue).sum() / rewards.size() : null);
        }
        Map<String, String> unmeasured = new LinkedHashMap<>();
        for (String id : heldoutIds) {
            if (!anyMeasured.contains(id)) {
                unmeasured.put(id, lastError.getOrDefault(id, "not run"));
            }
        }
        return new Outcome(means, unmeasured);
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
