package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.workspace.RolloutRecord;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One candidate's measured rollouts, the latest per example, grouped the way the scores need them. ERROR rollouts
 * are not measurements and are left out. "Train" here means the frontier's rows: the train split, or the pareto split
 * when the run gave the frontier rows of its own (its train-split rollouts are then minibatches only).
 */
final class CandidateResults {
    private final Split frontierSplit;
    private final Map<String, RolloutRecord> train = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> heldout = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> test = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> minibatch = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> mergeSample = new LinkedHashMap<>();
    private boolean fullTrain;

    CandidateResults() {
        this(Split.TRAIN);
    }

    CandidateResults(Split frontierSplit) {
        this.frontierSplit = frontierSplit;
    }

    /** Groups rollouts (in seq order, so later ones replace earlier ones) by candidate id. */
    static Map<String, CandidateResults> byCandidate(List<RolloutRecord> rollouts) {
        Split frontier = frontierSplit(rollouts);
        Map<String, CandidateResults> out = new HashMap<>();
        for (RolloutRecord r : rollouts) {
            if (r.result().measured()) {
                out.computeIfAbsent(r.result().candidateId(), id -> new CandidateResults(frontier)).add(r);
            }
        }
        return out;
    }

    /** PARETO when the run scored its frontier on a split of its own, else TRAIN. */
    static Split frontierSplit(List<RolloutRecord> rollouts) {
        return rollouts.stream().anyMatch(r -> r.result().example().split() == Split.PARETO) ? Split.PARETO
                : Split.TRAIN;
    }

    private void add(RolloutRecord r) {
        String example = r.result().example().exampleId();
        Split split = r.result().example().split();
        if (split == Split.HELDOUT) {
            heldout.put(example, r);
            return;
        }
        if (split == Split.TEST) {
            test.put(example, r);
            return;
        }
        if (split == frontierSplit) {
            train.put(example, r);
        }
        switch (r.stage()) {
            case SEED_TRAIN, FULL_TRAIN, SEED_PARETO, FULL_PARETO -> fullTrain = true;
            case CHILD_MINIBATCH -> minibatch.put(example, r);
            case MERGE_SAMPLE -> mergeSample.put(example, r);
            default -> { }
        }
    }

    /** Whether it ran as a whole-train-set evaluation (the seed's, or a gated child's). */
    boolean fullTrain() {
        return fullTrain;
    }

    Map<String, RolloutRecord> train() {
        return train;
    }

    Map<String, RolloutRecord> heldout() {
        return heldout;
    }

    Double trainScore() {
        return fullTrain ? mean(train.values()) : null;
    }

    /** Test rows, latest per example. */
    Map<String, RolloutRecord> test() {
        return test;
    }

    Double testScore() {
        return mean(test.values());
    }

    Double heldoutScore() {
        return mean(heldout.values());
    }

    Double miniScore() {
        return minibatch.isEmpty() ? mean(mergeSample.values()) : mean(minibatch.values());
    }

    static Double mean(Collection<RolloutRecord> records) {
        OptionalDouble mean = records.stream().mapToDouble(r -> r.result().reward()).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }
}
