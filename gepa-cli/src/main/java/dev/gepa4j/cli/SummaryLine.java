package dev.gepa4j.cli;

import dev.gepa4j.core.engine.LoopCounts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.runtime.evidence.RolloutCounts;
import dev.gepa4j.runtime.evidence.RunSummary;
import dev.gepa4j.runtime.evidence.UnmeasuredExamples;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The one line a run ends with: seed and best heldout accuracy, lift, the rollouts used and container calls made,
 * wall time, stop reason, the examples no rollout measured (if any) and packet; and, when no proposal was accepted,
 * a clause saying so (and whether the proposer's output was rejected every time). The counts are the evidence
 * packet's ({@link RunSummary#rollouts()}, from the same journal rows), so the line and the packet agree by
 * construction. Then the test lift with its interval and p-value or, without a test split, a warning that the heldout
 * lift is the selection set's own and biased upwards.
 */
final class SummaryLine {
    private SummaryLine() {
    }

    /** Said instead of a test figure when the run has no test split. */
    static final String NO_TEST = "no test split: the heldout lift is measured on the rows that picked the best, so "
            + "it is biased upwards; add [dataset] test_size for an unbiased figure";
    /** Said when the run has a test split but stopped before the end (a resumed run evaluates it). */
    static final String TEST_NOT_RUN = "test split not evaluated yet: the run stopped before its end; resume it to "
            + "finish";

    /** @param hasTest whether the run has a test split (its rollouts are counted apart, in the test clause) */
    static String of(LoopResult r, RunSummary packet, List<UnmeasuredExamples.Unmeasured> unmeasured, Duration wall,
                     Path packetDir, boolean hasTest) {
        String lift = r.seedHeldoutMean() == null || r.bestHeldoutMean() == null ? "n/a"
                : String.format(Locale.ROOT, "%+.3f", r.bestHeldoutMean() - r.seedHeldoutMean());
        RolloutCounts c = packet.rollouts();
        return String.format(Locale.ROOT,
                "%s: seed heldout %s -> best heldout %s (lift %s; best %s, train %s -> %s%s), %d rollouts used "
                        + "(%d executed, %d cached), %d errors, %d container calls, %.1f s, stop: %s%s; %s; evidence: %s",
                r.runId(), fmt(r.seedHeldoutMean()), fmt(r.bestHeldoutMean()), lift, r.bestCandidateId(),
                fmt(r.seedTrainMean()), fmt(r.bestTrainMean()), trainMeasured(packet, unmeasured), c.used(), c.executed(), c.cached(), c.errors(),
                c.containerCalls(), wall.toMillis() / 1000.0, r.stopReason(), UnmeasuredExamples.describe(unmeasured),
                r.test() != null ? r.test().headline() + " (" + r.test().rollouts() + " test rollouts, apart)"
                        : hasTest ? TEST_NOT_RUN : NO_TEST, packetDir.resolve("packet.json"))
                + noneAccepted(r.counts()) + allFailedInside(c);
    }

    /**
     * "" unless every rollout the run used failed inside the container (status FAILED, reward 0): then the scores
     * are zeros that say nothing about the prompts, almost always a container that cannot run its policy (an
     * unreachable or misconfigured model), so the line says so instead of reporting 0.000 as a result.
     */
    static String allFailedInside(RolloutCounts c) {
        if (c.used() == 0 || c.failed() < c.used()) {
            return "";
        }
        return String.format(Locale.ROOT, "; EVERY ROLLOUT FAILED INSIDE THE CONTAINER (%d of %d, reward 0): the "
                + "scores say nothing about the prompts; the container could not run its policy (is its model "
                + "reachable and configured? see [policy], and a rollout's error with `gepa show`)", c.failed(),
                c.used());
    }

    /** "" when something was accepted or nothing was proposed; else why the best is still the seed. */
    static String noneAccepted(LoopCounts c) {
        if (c.proposals() == 0 || c.accepted() > 0) {
            return "";
        }
        if (c.proposerFailed() == c.proposals()) {
            return String.format(Locale.ROOT, "; EVERY PROPOSAL WAS REJECTED (%d of %d unusable: see `gepa show` or "
                    + "the packet's proposer section for the reasons), the result is the seed", c.proposerFailed(),
                    c.proposals());
        }
        return String.format(Locale.ROOT, "; no proposal was accepted (%d proposals: %d unusable, %d rejected by the "
                + "gate, %d duplicates), the result is the seed", c.proposals(), c.proposerFailed(), c.rejected(),
                c.duplicates());
    }

    /**
     * "" when every train example was measured; else " on N of M train examples measured", so a train score of
     * 1.000 over the measured rows cannot be read as the whole set's.
     */
    static String trainMeasured(RunSummary packet, List<UnmeasuredExamples.Unmeasured> unmeasured) {
        long missing = unmeasured.stream().filter(u -> u.split().equals("train")).count();
        if (missing == 0) {
            return "";
        }
        int total = packet.trainExamples();
        return String.format(Locale.ROOT, " on %d of %d train examples measured", total - missing, total);
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
