package dev.gepa4j.api;

import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.TestResult;
import java.nio.file.Path;
import java.util.Map;

/**
 * The outcome of {@link Optimization#run()}. Scores are means in [0, 1] over a split; a score that was not measured
 * is null (never 0).
 *
 * @param runId            the run's id in the workspace
 * @param bestCandidateId  the pick: the best heldout mean among the seed and the top frontier candidates
 * @param bestTexts        the pick's texts, field name to text: what to put in your program
 * @param seedTexts        the seed candidate's texts
 * @param seedTrainMean    the seed on train
 * @param bestTrainMean    the pick on train
 * @param seedHeldoutMean  the seed on heldout
 * @param bestHeldoutMean  the pick on heldout
 * @param test             the seed and the pick on the test split (paired lift, interval, p-value); null when no
 *                         test rows were given or the run stopped early
 * @param stopReason       why the loop ended
 * @param rolloutsUsed     rollouts the run used (executed or from the cache), heldout included, test excluded
 * @param packetDir        the evidence packet's folder ({@code packet.json}, {@code best/}, {@code report.html})
 * @param workspaceDir     the workspace folder (resume, console, {@code gepa show} read it)
 * @param loop             the loop's full result (counts, coverage, proposer usage)
 */
public record OptimizationResult(String runId, String bestCandidateId, Map<String, String> bestTexts,
                                 Map<String, String> seedTexts, Double seedTrainMean, Double bestTrainMean,
                                 Double seedHeldoutMean, Double bestHeldoutMean, TestResult test, String stopReason,
                                 long rolloutsUsed, Path packetDir, Path workspaceDir, LoopResult loop) {
    public OptimizationResult {
        bestTexts = Map.copyOf(bestTexts);
        seedTexts = Map.copyOf(seedTexts);
    }

    /** Best heldout mean minus the seed's: the selection set's own lift (biased upwards; see {@link #test()}). */
    public Double heldoutLift() {
        return seedHeldoutMean == null || bestHeldoutMean == null ? null : bestHeldoutMean - seedHeldoutMean;
    }

    /** The pick's lift over the seed on the test split, or null without test results. */
    public Double testLift() {
        return test == null || test.comparison() == null ? null : test.comparison().lift();
    }

    /** The pick's text of one field. */
    public String bestText(String field) {
        String text = bestTexts.get(field);
        if (text == null) {
            throw new IllegalArgumentException("no field '" + field + "'; the fields are " + bestTexts.keySet());
        }
        return text;
    }
}
