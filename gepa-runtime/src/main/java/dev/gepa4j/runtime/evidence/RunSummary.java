package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Usage;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A run's numbers as {@link RunMetrics} derives them from the workspace; the evidence packet, the console and the
 * CLI listings all show this. Times are ISO-8601 text so the record serializes without extra modules.
 *
 * @param finishedAt      null while running
 * @param durationS       seconds from start to finish, or to the last recorded rollout/event while running; null
 *                        when nothing happened yet
 * @param seedId          the candidate with index 0, null before it is registered
 * @param bestId          see the package definition of best; null before any score exists
 * @param bestDiff        unified diff of the best candidate against the seed, per changed field ("" when equal)
 * @param bestDiffs       the same diff as one unified diff per changed field, keyed by field
 * @param trainExamples   train examples seen in the run
 * @param heldoutExamples heldout examples seen in the run
 * @param lastRolloutSeq  seq of the last rollout included (the console sends only newer ones)
 * @param paretoExamples  examples of the frontier's own split seen in the run (0 when the frontier is on train)
 * @param frontierSplit   {@code train}, or {@code pareto} when the frontier has rows of its own; candidates'
 *                        {@code train} scores are on these rows
 * @param test            the test evaluation; null when the run has no test rollouts
 */
public record RunSummary(String runId, String task, String status, String stopReason, String startedAt,
                         String finishedAt, Double durationS, String seedId, String bestId,
                         Map<String, String> seedComponents, Map<String, String> bestComponents, String bestDiff,
                         Map<String, String> bestDiffs,
                         List<CandidateScore> candidates, FrontierSummary frontier, FrontierGrid grid,
                         RolloutCounts rollouts, Usage policyUsage, Usage proposerUsage, int trainExamples,
                         int heldoutExamples, long lastRolloutSeq, int paretoExamples, String frontierSplit,
                         TestSummary test) {
    public RunSummary {
        seedComponents = seedComponents == null ? Map.of() : Map.copyOf(seedComponents);
        bestComponents = bestComponents == null ? Map.of() : Map.copyOf(bestComponents);
        bestDiffs = bestDiffs == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(bestDiffs));
        candidates = List.copyOf(candidates);
    }

    public Optional<CandidateScore> candidate(String candidateId) {
        return candidates.stream().filter(c -> c.candidateId().equals(candidateId)).findFirst();
    }

    public Optional<CandidateScore> seed() {
        return seedId == null ? Optional.empty() : candidate(seedId);
    }

    public Optional<CandidateScore> best() {
        return bestId == null ? Optional.empty() : candidate(bestId);
    }
}
