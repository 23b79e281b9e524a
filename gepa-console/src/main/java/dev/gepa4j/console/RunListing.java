package dev.gepa4j.console;

import dev.gepa4j.runtime.evidence.RunSummary;

/** One run in the console's run list (and in {@code gepa runs}). Scores are null when not measured. */
public record RunListing(String runId, String task, String status, String stopReason, String startedAt,
                         String bestId, Double bestTrain, Double bestHeldout, long rollouts, String coverage) {
    public static RunListing of(RunSummary s) {
        var best = s.best();
        return new RunListing(s.runId(), s.task(), s.status(), s.stopReason(), s.startedAt(), s.bestId(),
                best.map(c -> c.train()).orElse(null), best.map(c -> c.heldout()).orElse(null), s.rollouts().total(),
                s.frontier().label());
    }
}
