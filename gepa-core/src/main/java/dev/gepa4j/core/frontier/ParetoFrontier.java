package dev.gepa4j.core.frontier;

import dev.gepa4j.core.model.Candidate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * The per-example Pareto frontier of one run's train split.
 *
 * <p>For every train example it keeps the best reward any registered candidate reached and the candidates holding
 * it. Only rewards above 0 make a candidate a holder: an example nobody solves says nothing about who is better.
 * A candidate's train mean is over the examples it was measured on; a candidate measured on none has no mean
 * ({@code null}, never 0).
 *
 * <p>The {@link #version()} grows by one every time an example's best reward or holder set changes, so work
 * planned against an older version can tell it is stale. Every method is synchronized; iteration orders follow
 * registration order, so two runs that register the same candidates with the same rewards see identical frontiers.
 */
public final class ParetoFrontier {
    private final List<String> exampleIds;
    private final Map<String, Integer> position = new HashMap<>();
    private final double[] best;
    private final List<Set<String>> holders = new ArrayList<>();
    private final Map<String, Member> members = new LinkedHashMap<>();
    private long version;

    private record Member(Candidate candidate, Map<String, Double> rewards, Double mean, int newSeeds) {
    }

    /**
     * @param trainExampleIds the train split's example ids, distinct, in train order
     */
    public ParetoFrontier(List<String> trainExampleIds) {
        if (trainExampleIds.isEmpty()) {
            throw new IllegalArgumentException("the frontier needs at least one train example");
        }
        this.exampleIds = List.copyOf(trainExampleIds);
        for (String id : exampleIds) {
            if (position.put(id, position.size()) != null) {
                throw new IllegalArgumentException("train example id '" + id + "' appears twice");
            }
            holders.add(new LinkedHashSet<>());
        }
        this.best = new double[exampleIds.size()];
    }

    /**
     * Adds a candidate with its train rewards (example id to reward in [0,1]; examples it was not measured on are
     * simply absent).
     *
     * @throws IllegalArgumentException for a candidate already added, an unknown example id, or a reward outside [0,1]
     */
    public synchronized FrontierUpdate add(Candidate candidate, Map<String, Double> rewards) {
        if (members.containsKey(candidate.id())) {
            throw new IllegalArgumentException("candidate " + candidate.id() + " is already on the frontier");
        }
        Map<String, Double> ordered = new LinkedHashMap<>();
        for (String id : exampleIds) {
            Double r = rewards.get(id);
            if (r != null) {
                if (Double.isNaN(r) || r < 0 || r > 1) {
                    throw new IllegalArgumentException("reward of " + candidate.id() + " on " + id + " must be in [0,1], was " + r);
                }
                ordered.put(id, r);
            }
        }
        for (String id : rewards.keySet()) {
            if (!position.containsKey(id)) {
                throw new IllegalArgumentException("reward for unknown train example '" + id + "' (candidate "
                        + candidate.id() + "); the frontier knows " + exampleIds.size() + " train examples");
            }
        }
        List<String> newSeeds = new ArrayList<>();
        List<String> tied = new ArrayList<>();
        List<String> covered = new ArrayList<>();
        for (Map.Entry<String, Double> e : ordered.entrySet()) {
            int i = position.get(e.getKey());
            double r = e.getValue();
            if (r > 0 && r > best[i]) {
                if (best[i] == 0) {
                    covered.add(e.getKey());
                }
                best[i] = r;
                holders.get(i).clear();
                holders.get(i).add(candidate.id());
                newSeeds.add(e.getKey());
            } else if (r > 0 && r == best[i]) {
                holders.get(i).add(candidate.id());
                tied.add(e.getKey());
            }
        }
        Double mean = ordered.isEmpty() ? null
                : ordered.values().stream().mapToDouble(Double::doubleValue).sum() / ordered.size();
        members.put(candidate.id(), new Member(candidate, Collections.unmodifiableMap(ordered), mean, newSeeds.size()));
        boolean changed = !newSeeds.isEmpty() || !tied.isEmpty();
        if (changed) {
            version++;
        }
        return new FrontierUpdate(candidate.id(), newSeeds, tied, covered, changed, version, coverage());
    }

    /** Grows by one with every change of an example's best reward or holders; 0 before the first change. */
    public synchronized long version() {
        return version;
    }

    public List<String> exampleIds() {
        return exampleIds;
    }

    public synchronized boolean contains(String candidateId) {
        return members.containsKey(candidateId);
    }

    /** Number of candidates added (dominated or not). */
    public synchronized int size() {
        return members.size();
    }

    /** Every added candidate, in registration order. */
    public synchronized List<Candidate> candidates() {
        return members.values().stream().map(Member::candidate).toList();
    }

    public synchronized Candidate candidate(String candidateId) {
        return member(candidateId).candidate();
    }

    /** The candidate's measured train rewards, in train order. */
    public synchronized Map<String, Double> rewards(String candidateId) {
        return member(candidateId).rewards();
    }

    /** Mean train reward over the examples it was measured on, or null when it was measured on none. */
    public synchronized Double trainMean(String candidateId) {
        return member(candidateId).mean();
    }

    /** Best reward on an example, empty when nobody solved it. */
    public synchronized OptionalDouble best(String exampleId) {
        double b = best[indexOf(exampleId)];
        return b > 0 ? OptionalDouble.of(b) : OptionalDouble.empty();
    }

    /** Candidates holding the best reward on an example, in registration order (empty when nobody solved it). */
    public synchronized Set<String> holders(String exampleId) {
        return Set.copyOf(holders.get(indexOf(exampleId)));
    }

    /** Examples some candidate solves (reward &gt; 0). */
    public synchronized Coverage coverage() {
        int c = 0;
        for (double b : best) {
            if (b > 0) {
                c++;
            }
        }
        return new Coverage(c, exampleIds.size());
    }

    /** Train examples on which the candidate currently holds the best reward. */
    public synchronized int wins(String candidateId) {
        member(candidateId);
        int w = 0;
        for (Set<String> h : holders) {
            if (h.contains(candidateId)) {
                w++;
            }
        }
        return w;
    }

    /** Train examples on which the candidate strictly raised the best reward when it was added. */
    public synchronized int newSeeds(String candidateId) {
        return member(candidateId).newSeeds();
    }

    /** Candidates holding the best reward on at least one example, in registration order. */
    public synchronized List<String> members() {
        List<String> out = new ArrayList<>();
        for (String id : members.keySet()) {
            if (holders.stream().anyMatch(h -> h.contains(id))) {
                out.add(id);
            }
        }
        return out;
    }

    /** The candidate with the highest train mean; ties go to the lower index. Empty frontier: IllegalStateException. */
    public synchronized Candidate bestByMean() {
        return members.values().stream().min(byMeanDescending()).map(Member::candidate)
                .orElseThrow(() -> new IllegalStateException("the frontier has no candidates yet"));
    }

    /** Candidates ordered by train mean (highest first), then index; unmeasured candidates last. */
    public synchronized List<Candidate> rankedByMean() {
        return members.values().stream().sorted(byMeanDescending()).map(Member::candidate).toList();
    }

    /**
     * Parent-sampling weights: candidate id to a positive weight, in registration order. See
     * {@link DominancePruning} for the rule.
     */
    public synchronized Map<String, Integer> selectionWeights() {
        List<Set<String>> fronts = new ArrayList<>();
        for (Set<String> h : holders) {
            if (!h.isEmpty()) {
                fronts.add(Set.copyOf(h));
            }
        }
        Map<String, Double> means = new LinkedHashMap<>();
        members.forEach((id, m) -> means.put(id, m.mean() == null ? Double.NEGATIVE_INFINITY : m.mean()));
        return DominancePruning.weights(fronts, means, bestByMean().id());
    }

    /** A few lines for proposers and logs: version, coverage, and the members with the most wins. */
    public synchronized String summary(int maxMembers) {
        StringBuilder sb = new StringBuilder();
        sb.append("frontier version ").append(version).append(": ").append(members().size()).append(" members of ")
                .append(members.size()).append(" candidates, coverage ").append(coverage()).append('\n');
        members().stream().sorted(Comparator.comparingInt((String id) -> -wins(id))).limit(maxMembers).forEach(id -> {
            Member m = members.get(id);
            sb.append(String.format(Locale.ROOT, "- %s (#%d): train mean %s, best on %d examples%n", id,
                    m.candidate().index(), m.mean() == null ? "n/a" : String.format(Locale.ROOT, "%.3f", m.mean()),
                    wins(id)));
        });
        return sb.toString();
    }

    private Comparator<Member> byMeanDescending() {
        return Comparator.comparingDouble((Member m) -> m.mean() == null ? Double.NEGATIVE_INFINITY : m.mean())
                .reversed().thenComparingInt(m -> m.candidate().index());
    }

    private Member member(String candidateId) {
        Member m = members.get(candidateId);
        if (m == null) {
            throw new IllegalArgumentException("candidate " + candidateId + " is not on the frontier");
        }
        return m;
    }

    private int indexOf(String exampleId) {
        Integer i = position.get(exampleId);
        if (i == null) {
            throw new IllegalArgumentException("unknown train example '" + exampleId + "'");
        }
        return i;
    }
}
