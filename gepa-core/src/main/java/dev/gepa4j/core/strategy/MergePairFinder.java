package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.merge.ComponentMerge;
import dev.gepa4j.core.model.Candidate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * this pair before, do not score above either parent on train, and through which the merge ({@link ComponentMerge},
 * what the merge proposer builds) takes something from each side, so the child differs from both parents; the most
 * recent eligible ancestor (highest index) is chosen: the closest split point keeps the most shared progress.
 *
 * <p>Ranking, best first: complementary triplets (the merge keeps every edit of both sides: each field one side
 * changed alone, or both changed and the three-way merge combined, with no conflict settled by taking the better
 * parent's text), then the pair's union score (the sum over train examples of the better of the two rewards: what a
 * merge keeping both sides' strengths reaches at least), then the newer pair. The choice is a function of the
 * frontier and the tried triplets; it draws no random numbers. Merges computed are remembered per triplet (a
 * triplet's texts and train means never change), so repeated searches cost little.
 */
public final class MergePairFinder {
    private static final int REMEMBERED = 4096;
    /** Merges computed so far, by triplet; least recently used dropped first. */
    private final Map<MergeKey, ComponentMerge> merges = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MergeKey, ComponentMerge> eldest) {
            return size() > REMEMBERED;
        }
    };

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

    /** A remembered merge: the triplet and which parent was the better one. */
    private record MergeKey(MergeTriplet triplet, boolean aIsBetter) {
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

    private Ranked rank(ParetoFrontier frontier, Set<MergeTriplet> tried, Candidate a, Candidate b,
                        Set<String> ancestorsA, Set<String> ancestorsB) {
        if (ancestorsA.contains(b.id()) || ancestorsB.contains(a.id())) {
            return null;
        }
        Optional<Candidate> ancestor = ancestorsA.stream().filter(ancestorsB::contains).filter(frontier::contains)
                .map(frontier::candidate)
                .filter(c -> !tried.contains(new MergeTriplet(a.id(), b.id(), c.id())))
                .filter(c -> notAbove(frontier, c, a) && notAbove(frontier, c, b))
                .sorted(Comparator.comparingInt(Candidate::index).reversed())
                .filter(c -> merged(frontier, c, a, b).map(m -> m.takesFromBoth(a, b)).orElse(false))
                .findFirst();
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
        boolean complementary = merged(frontier, anc, a, b).map(m -> m.conflicts() == 0).orElse(false);
        return new Ranked(new MergeTriplet(a.id(), b.id(), anc.id()), complementary, union, b.index(), a.index());
    }

    /**
     * What the merge proposer makes of the triplet ({@code a} is the better parent unless {@code b}'s train mean is
     * higher, as in the loop's merge plan); empty when a parent lacks a field of the ancestor.
     */
    private Optional<ComponentMerge> merged(ParetoFrontier frontier, Candidate ancestor, Candidate a, Candidate b) {
        Double ma = frontier.trainMean(a.id());
        Double mb = frontier.trainMean(b.id());
        boolean aIsBetter = ma == null || mb == null || ma >= mb;
        MergeKey key = new MergeKey(new MergeTriplet(a.id(), b.id(), ancestor.id()), aIsBetter);
        synchronized (merges) {
            ComponentMerge known = merges.get(key);
            if (known != null) {
                return Optional.of(known);
            }
        }
        try {
            ComponentMerge m = ComponentMerge.of(ancestor, a, b, aIsBetter, ancestor.components().keySet());
            synchronized (merges) {
                merges.put(key, m);
            }
            return Optional.of(m);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
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

    /** The merge of the two through the ancestor keeps every edit of both and differs from each of them. */
    static boolean complementary(Candidate ancestor, Candidate a, Candidate b) {
        ComponentMerge m = ComponentMerge.of(ancestor, a, b, true, ancestor.components().keySet());
        return m.conflicts() == 0 && m.takesFromBoth(a, b);
    }
}
