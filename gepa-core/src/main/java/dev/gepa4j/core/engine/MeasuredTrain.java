package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.BatchResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which train examples the run scores candidates on: those the seed was measured on.
 *
 * <p>An example whose seed rollout ended without a measurement (after the retries, the reconnect window and any
 * resends: a container defect on that row) leaves the set for the rest of the run, visibly: the frontier is founded
 * on the measured examples only, children run on those only, and every mean is over those only, so two candidates
 * are always compared on the same examples and a missing score never stands in as 0 or as the mean of the others.
 * A run whose seed is measured on fewer than half of train ({@link #enough}) fails instead: comparisons on what is
 * left would say more about the container than about the candidates. "Train solved" needs every train example
 * measured ({@link #solvedReason}).
 */
final class MeasuredTrain {
    /** Unmeasured examples named in a message before "and N more". */
    static final int NAMED = 5;

    private MeasuredTrain() {
    }

    /** The train rows the frontier scores, in train order; {@code train} itself when it scores them all. */
    static List<DatasetRow> rows(List<DatasetRow> train, ParetoFrontier frontier) {
        if (frontier.exampleIds().size() == train.size()) {
            return train;
        }
        Set<String> scored = Set.copyOf(frontier.exampleIds());
        return train.stream().filter(r -> scored.contains(r.ref().exampleId())).toList();
    }

    /**
     * The stop reason once a candidate scores 1 on every example the frontier scores: {@link GepaLoop#SOLVED} when
     * that is all of train, else {@link GepaLoop#MEASURED_SOLVED} and how many were measured.
     */
    static String solvedReason(ParetoFrontier frontier, int trainSize) {
        int scored = frontier.exampleIds().size();
        return scored == trainSize ? GepaLoop.SOLVED
                : GepaLoop.MEASURED_SOLVED + " (" + scored + " of " + trainSize + " measured)";
    }

    /**
     * The seed run's unmeasured examples, in train order: example id to the error of its last attempt, or to
     * {@code notRun} for an example the budget left out.
     */
    static Map<String, String> unmeasured(List<DatasetRow> train, BatchResult seedRun, String notRun) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < train.size(); i++) {
            RolloutResult r = seedRun.results().get(i);
            if (r == null || !r.measured()) {
                out.put(train.get(i).ref().exampleId(), r == null ? notRun : r.error());
            }
        }
        return out;
    }

    /** Why a rollout was not run: which budget ran out. */
    static String notRun(dev.gepa4j.core.rollout.RolloutBudget budget) {
        return budget.callCapReached() ? "not run: the cap of " + budget.callCap() + " container calls was reached"
                : "not run: the rollout budget ran out";
    }

    /** The ids of the seed's measured train examples, in train order. */
    static List<String> measuredIds(List<DatasetRow> train, Map<String, String> unmeasured) {
        return train.stream().map(r -> r.ref().exampleId()).filter(id -> !unmeasured.containsKey(id)).toList();
    }

    /** True when the seed was measured on at least half of train (rounded up), and on at least one example. */
    static boolean enough(int measured, int trainSize) {
        return measured >= 1 && 2L * measured >= trainSize;
    }

    /** "3 of 20 train examples unmeasured: train:4 (error), ..." naming at most {@link #NAMED} of them. */
    static String describe(String what, Map<String, String> unmeasured, int total) {
        String named = unmeasured.entrySet().stream().limit(NAMED)
                .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining("; "));
        int more = unmeasured.size() - NAMED;
        return unmeasured.size() + " of " + total + " " + what + " examples unmeasured: " + named
                + (more > 0 ? "; and " + more + " more" : "");
    }
}
