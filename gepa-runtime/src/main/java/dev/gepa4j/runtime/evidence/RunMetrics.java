package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Derives a {@link RunSummary} from a run's workspace records, following the definitions in the package javadoc.
 * A pure function of {@link RunData}: the same records always give the same summary.
 */
public final class RunMetrics {
    private RunMetrics() {
    }

    /** Reads the run from the workspace and summarizes it. */
    public static RunSummary summarize(WorkspaceReader reader, String runId) {
        return summarize(RunData.load(reader, runId), lastEventAt(reader, runId));
    }

    /**
     * Summarizes records already read.
     *
     * @param lastActivity when the run was last seen doing something (for the duration of a running run), or null
     */
    public static RunSummary summarize(RunData data, Instant lastActivity) {
        List<Candidate> candidates = data.candidates().stream().map(CandidateRecord::candidate)
                .sorted(Comparator.comparingInt(Candidate::index)).toList();
        Map<String, CandidateResults> results = CandidateResults.byCandidate(data.rollouts());
        Split frontierSplit = CandidateResults.frontierSplit(data.rollouts());
        FrontierAnalysis frontier = FrontierAnalysis.of(candidates, results,
                exampleIds(data.rollouts(), frontierSplit));
        Set<String> rejected = rejectedIds(data.decisions());

        Candidate seed = candidates.isEmpty() ? null : candidates.getFirst();
        String bestId = bestCandidateId(candidates, results);
        Double seedTrain = seed == null ? null : score(results, seed.id(), CandidateResults::trainScore);
        Double seedHeldout = seed == null ? null : score(results, seed.id(), CandidateResults::heldoutScore);
        List<CandidateScore> scores = new ArrayList<>();
        Map<String, Map<String, String>> textsById = new java.util.HashMap<>();
        candidates.forEach(c -> textsById.put(c.id(), c.components()));
        for (Candidate c : candidates) {
            CandidateResults r = results.getOrDefault(c.id(), new CandidateResults(frontierSplit));
            Double train = r.trainScore();
            Double heldout = r.heldoutScore();
            scores.add(new CandidateScore(c.id(), c.index(), c.parentIds(), c.origin(),
                    role(c, bestId, r, frontier, rejected), c.isSeed() ? null : r.miniScore(), train, heldout,
                    difference(train, seedTrain), difference(heldout, seedHeldout), frontier.newSeeds(c.id()),
                    frontier.wins(c.id()), r.train().size(), changedFields(c, textsById)));
        }
        Candidate best = candidates.stream().filter(c -> c.id().equals(bestId)).findFirst().orElse(null);
        Map<String, String> bestDiffs = seed == null || best == null ? Map.of()
                : UnifiedDiff.perField(seed.components(), best.components());
        return new RunSummary(data.run().runId(), data.run().task(), data.run().status().label(),
                data.run().stopReason(), text(data.run().startedAt()), text(data.run().finishedAt()),
                durationSeconds(data, lastActivity), seed == null ? null : seed.id(), bestId,
                seed == null ? Map.of() : seed.components(), best == null ? Map.of() : best.components(),
                String.join("", bestDiffs.values()), bestDiffs,
                scores, frontier.summary(), frontier.grid(), rolloutCounts(data), data.policyUsage(),
                data.proposerUsage(), exampleCount(data.rollouts(), Split.TRAIN),
                exampleCount(data.rollouts(), Split.HELDOUT),
                data.rollouts().isEmpty() ? 0 : data.rollouts().getLast().seq(),
                exampleCount(data.rollouts(), Split.PARETO), frontierSplit.label(),
                TestSummary.of(data.rollouts(), results, seed == null ? null : seed.id()));
    }

    /**
     * Highest heldout among the candidates measured on the most heldout examples (ties: higher train, then lower
     * index); without any heldout score, highest train (ties: lower index); null when nothing is scored yet.
     */
    static String bestCandidateId(List<Candidate> candidates, Map<String, CandidateResults> results) {
        Comparator<Candidate> byTrain = Comparator.comparing(
                (Candidate c) -> score(results, c.id(), CandidateResults::trainScore),
                Comparator.nullsFirst(Comparator.naturalOrder()));
        Comparator<Candidate> lowerIndexFirst = Comparator.comparingInt(Candidate::index).reversed();
        // like the loop: only candidates measured on as many heldout examples as the best-measured one are compared
        int mostHeldout = candidates.stream().mapToInt(c -> results.containsKey(c.id())
                ? results.get(c.id()).heldout().size() : 0).max().orElse(0);
        var withHeldout = candidates.stream()
                .filter(c -> score(results, c.id(), CandidateResults::heldoutScore) != null)
                .filter(c -> results.get(c.id()).heldout().size() == mostHeldout).toList();
        if (!withHeldout.isEmpty()) {
            return withHeldout.stream().max(Comparator.comparing(
                            (Candidate c) -> score(results, c.id(), CandidateResults::heldoutScore))
                    .thenComparing(byTrain).thenComparing(lowerIndexFirst)).orElseThrow().id();
        }
        return candidates.stream().filter(c -> score(results, c.id(), CandidateResults::trainScore) != null)
                .max(byTrain.thenComparing(lowerIndexFirst)).map(Candidate::id).orElse(null);
    }

    private static String role(Candidate c, String bestId, CandidateResults r, FrontierAnalysis frontier,
                               Set<String> rejected) {
        boolean best = c.id().equals(bestId);
        if (c.isSeed() || c.index() == 0) {
            return best ? "seed+best" : "seed";
        }
        if (best) {
            return "best";
        }
        if (frontier.wins(c.id()) > 0) {
            return "frontier";
        }
        if (r.fullTrain()) {
            return "dominated";
        }
        return rejected.contains(c.id()) ? "rejected" : "evaluating";
    }

    private static Set<String> rejectedIds(List<DecisionRecord> decisions) {
        Set<String> rejected = new HashSet<>();
        decisions.stream().filter(d -> !d.accepted()).forEach(d -> rejected.add(d.candidateId()));
        return rejected;
    }

    private static Double score(Map<String, CandidateResults> results, String id,
                                java.util.function.Function<CandidateResults, Double> score) {
        CandidateResults r = results.get(id);
        return r == null ? null : score.apply(r);
    }

    /** The fields a candidate changed against its first parent; none for the seed or an unknown parent. */
    private static List<String> changedFields(Candidate c, Map<String, Map<String, String>> textsById) {
        if (c.parentIds().isEmpty() || !textsById.containsKey(c.parentIds().getFirst())) {
            return List.of();
        }
        return UnifiedDiff.changedFields(textsById.get(c.parentIds().getFirst()), c.components());
    }

    static Double difference(Double value, Double reference) {
        return value == null || reference == null ? null : value - reference;
    }

    /** The split's example ids ordered by seed, then id. */
    private static List<String> exampleIds(List<RolloutRecord> rollouts, Split split) {
        Map<String, Long> seedById = new TreeMap<>();
        rollouts.stream().filter(r -> r.result().example().split() == split)
                .forEach(r -> seedById.putIfAbsent(r.result().example().exampleId(), r.result().example().seed()));
        return seedById.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).toList();
    }

    private static int exampleCount(List<RolloutRecord> rollouts, Split split) {
        return (int) rollouts.stream().filter(r -> r.result().example().split() == split)
                .map(r -> r.result().example().exampleId()).distinct().count();
    }

    static RolloutCounts rolloutCounts(RunData data) {
        long executed = 0, cached = 0, errors = 0, failed = 0, retried = 0, calls = 0, test = 0;
        for (RolloutRecord r : data.rollouts()) {
            if (r.result().example().split() == Split.TEST) {
                test++; // the test evaluation is counted apart from the optimization's rollouts
                continue;
            }
            RolloutStatus status = r.result().status();
            calls += r.result().attempts();
            retried += r.result().attempts() > 1 ? 1 : 0;
            if (status == RolloutStatus.ERROR) {
                errors++;
            } else if (r.result().cached()) {
                cached++;
            } else {
                executed++;
            }
            failed += status == RolloutStatus.FAILED ? 1 : 0;
        }
        Double perSecond = null;
        if (executed > 0 && data.run().startedAt() != null) {
            Instant last = data.rollouts().getLast().finishedAt();
            double seconds = Math.max(0.001, Duration.between(data.run().startedAt(), last).toMillis() / 1000.0);
            perSecond = executed / seconds;
        }
        return new RolloutCounts(executed + cached, executed, cached, errors, failed, retried, calls, perSecond, test);
    }

    private static Double durationSeconds(RunData data, Instant lastActivity) {
        Instant start = data.run().startedAt();
        Instant end = data.run().finishedAt();
        if (end == null) {
            end = lastActivity;
            if (!data.rollouts().isEmpty() && (end == null || data.rollouts().getLast().finishedAt().isAfter(end))) {
                end = data.rollouts().getLast().finishedAt();
            }
        }
        return start == null || end == null ? null : Math.max(0, Duration.between(start, end).toMillis()) / 1000.0;
    }

    private static Instant lastEventAt(WorkspaceReader reader, String runId) {
        List<EventRecord> events = reader.events(runId, 0);
        return events.isEmpty() ? null : events.getLast().at();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
