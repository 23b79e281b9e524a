package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Finds the two frontier candidates most worth merging through a common ancestor.
 *
 * <p>The pool is the candidates with parent-sampling weight (dominated ones pruned). Every pair in it where neither
 * descends from the other is considered. Of a pair's common ancestors, those are eligible that were not tried with
 * this pair before, do not score above either parent on train, and have at least one field where exactly one parent
 * kept the ancestor's text (so the merge takes something from a side); the most recent eligible ancestor (highest
 * index) is chosen: the closest split point keeps the most shared progress.
 *
 * <p>Ranking, best first: complementary triplets (each parent changed a field the other kept, so a field-wise merge
 * takes something from each side instead of reproducing one of them), then the pair's union score (the sum over
 * train examples of the better of the two rewards: what a merge keeping both sides' strengths reaches at least),
 * then the newer pair. The choice is a function of the frontier and the tried triplets; it draws no random numbers.
 */
public final class MergePairFinder {

    public Optional<MergeTriplet> find(ParetoFrontier frontier, Set<MergeTriplet> tried) {
        return find(frontier, tried, Set.of());
    }

    /**
     * As {@link #find(ParetoFrontier, Set)}, skipping the pairs of {@code inFlight}: merges other proposals are
     * running now, through whatever ancestor (two lanes merging one pair mostly make the same child twice).
     */
    public Optional<MergeTriplet> find(ParetoFrontier frontier, Set<MergeTriplet> tried, Set<MergeTriplet> inFlight) {
        List<String> pool = new ArrayList<>(frontier.selectionWeights().keySet());
        if (pool.size() < 2 || frontier.size() < 3) {
            return Optional.empty();
        }
        Map<String, Set<String>> ancestors = new HashMap<>();
        pool.forEach(id -> ancestors.put(id, ancestors(frontier, frontier.candidate(id))));
        Ranked best = null;
        for (int i = 0; i < pool.size(); i++) {
            for (int j = i + 1; j < pool.size(); j++) {
                Candidate a = frontier.candidate(pool.get(i));
                Candidate b = frontier.candidate(pool.get(j));
                if (a.index() > b.index()) {
                    Candidate t = a;
                    a = b;
                    b = t;
                }
                if (samePair(inFlight, a, b)) {
                    continue;
                }
                Ranked r = rank(frontier, tried, a, b, ancestors.get(a.id()), ancestors.get(b.id()));
                if (r != null && (best == null || r.compareTo(best) > 0)) {
                    best = r;
                }
            }
        }
        return Optional.ofNullable(best).map(Ranked::triplet);
    }

    private static boolean samePair(Set<MergeTriplet> triplets, Candidate a, Candidate b) {
        return triplets.stream().anyMatch(t -> t.parentA().equals(a.id()) && t.parentB().equals(b.id()));
    }

    /** A candidate triplet with what it is ranked by (higher is better). */
    private record Ranked(MergeTriplet triplet, boolean complementary, double union, int newer, int older)
            implements Comparable<Ranked> {
        @Override
        public int compareTo(Ranked o) {
            return Comparator.comparing(Ranked::complementary).thenComparingDouble(Ranked::union)
                    .thenComparingInt(Ranked::newer).thenComparingInt(Ranked::older).compare(this, o);
        }
    }

    private static Ranked rank(ParetoFrontier frontier, Set<MergeTriplet> tried, Candidate a, Candidate b,
                               Set<String> ancestorsA, Set<String> ancestorsB) {
        if (ancestorsA.contains(b.id()) || ancestorsB.contains(a.id())) {
            return null;
        }
        Optional<Candidate> ancestor = ancestorsA.stream().filter(ancestorsB::contains).filter(frontier::contains)
                .map(frontier::candidate)
                .filter(c -> !tried.contains(new MergeTriplet(a.id(), b.id(), c.id())))
                .filter(c -> notAbove(frontier, c, a) && notAbove(frontier, c, b))
                .filter(c -> hasDesirableField(c, a, b))
                .max(Comparator.comparingInt(Candidate::index));
        if (ancestor.isEmpty()) {
            return null;
        }
        Map<String, Double> ra = frontier.rewards(a.id());
        Map<String, Double> rb = frontier.rewards(b.id());
        double union = 0;
        for (String e : frontier.exampleIds()) {
            union += Math.max(ra.getOrDefault(e, 0.0), rb.getOrDefault(e, 0.0));
        }
        Candidate anc = ancestor.get();
        return new Ranked(new MergeTriplet(a.id(), b.id(), anc.id()), complementary(anc, a, b), union, b.index(),
                a.index());
    }

    /** Every transitive parent of the candidate (not the candidate itself). */
    static Set<String> ancestors(ParetoFrontier frontier, Candidate c) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(c.parentIds());
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id) && frontier.contains(id)) {
                todo.addAll(frontier.candidate(id).parentIds());
            }
        }
        return seen;
    }

    private static boolean notAbove(ParetoFrontier frontier, Candidate ancestor, Candidate descendant) {
        Double am = frontier.trainMean(ancestor.id());
        Double dm = frontier.trainMean(descendant.id());
        return am != null && dm != null && am <= dm;
    }

    /** Each descendant changed some field the other still has with the ancestor's text. */
    static boolean complementary(Candidate ancestor, Candidate a, Candidate b) {
        return changedAlone(ancestor, a, b) && changedAlone(ancestor, b, a);
    }

    /** A field {@code changer} changed since the ancestor while {@code keeper} kept the ancestor's text. */
    private static boolean changedAlone(Candidate ancestor, Candidate changer, Candidate keeper) {
        for (var e : ancestor.components().entrySet()) {
            if (!Objects.equals(e.getValue(), changer.components().get(e.getKey()))
                    && Objects.equals(e.getValue(), keeper.components().get(e.getKey()))) {
                return true;
            }
        }
        return false;
    }

    /** A field where exactly one descendant still has the ancestor's text. */
    static boolean hasDesirableField(Candidate ancestor, Candidate a, Candidate b) {
        for (var e : ancestor.components().entrySet()) {
            boolean aKept = Objects.equals(e.getValue(), a.components().get(e.getKey()));
            boolean bKept = Objects.equals(e.getValue(), b.components().get(e.getKey()));
            if (aKept != bKept) {
                return true;
            }
        }
        return false;
    }
}
