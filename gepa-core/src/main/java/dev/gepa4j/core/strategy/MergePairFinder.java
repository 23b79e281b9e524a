package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Finds two frontier candidates worth merging through a common ancestor.
 *
 * <p>The pool is the candidates with parent-sampling weight (dominated ones pruned). Up to {@link #DRAWS} pairs are
 * drawn uniformly; a pair is skipped when one descends from the other. Of their common ancestors, those are eligible
 * that were not tried with this pair before, do not score above either parent on train, and have at least one field
 * where exactly one parent kept the ancestor's text (so the merge takes something from each side). The most recent
 * eligible ancestor (highest index) is chosen: the closest split point keeps the most shared progress.
 */
public final class MergePairFinder {
    /** Pair draws per call before giving up. */
    public static final int DRAWS = 10;

    public Optional<MergeTriplet> find(ParetoFrontier frontier, Set<MergeTriplet> tried, RandomGenerator random) {
        List<String> pool = new ArrayList<>(frontier.selectionWeights().keySet());
        if (pool.size() < 2 || frontier.size() < 3) {
            return Optional.empty();
        }
        for (int draw = 0; draw < DRAWS; draw++) {
            int i = random.nextInt(pool.size());
            int j = random.nextInt(pool.size() - 1);
            if (j >= i) {
                j++;
            }
            Candidate a = frontier.candidate(pool.get(Math.min(i, j)));
            Candidate b = frontier.candidate(pool.get(Math.max(i, j)));
            Set<String> ancestorsA = ancestors(frontier, a);
            Set<String> ancestorsB = ancestors(frontier, b);
            if (ancestorsA.contains(b.id()) || ancestorsB.contains(a.id())) {
                continue;
            }
            Optional<Candidate> ancestor = ancestorsA.stream().filter(ancestorsB::contains).filter(frontier::contains).map(frontier::candidate)
                    .filter(c -> !tried.contains(new MergeTriplet(a.id(), b.id(), c.id())))
                    .filter(c -> notAbove(frontier, c, a) && notAbove(frontier, c, b))
                    .filter(c -> hasDesirableField(c, a, b))
                    .max(Comparator.comparingInt(Candidate::index));
            if (ancestor.isPresent()) {
                return Optional.of(new MergeTriplet(a.id(), b.id(), ancestor.get().id()));
            }
        }
        return Optional.empty();
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
