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
 * are not measurements and are left out.
 */
final class CandidateResults {
    private final Map<String, RolloutRecord> train = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> heldout = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> minibatch = new LinkedHashMap<>();
    private final Map<String, RolloutRecord> mergeSample = new LinkedHashMap<>();
    private boolean fullTrain;

    /** Groups rollouts (in seq order, so later ones replace earlier ones) by candidate id. */
    static Map<String, CandidateResults> byCandidate(List<RolloutRecord> rollouts) {
        Map<String, CandidateResults> out = new HashMap<>();
        for (RolloutRecord r : rollouts) {
            if (r.result().measured()) {
                out.computeIfAbsent(r.result().candidateId(), id -> new CandidateResults()).add(r);
            }
        }
        return out;
    }

    private void add(RolloutRecord r) {
        String example = r.result().example().exampleId();
        if (r.result().example().split() == Split.HELDOUT) {
            heldout.put(example, r);
            return;
        }
        train.put(example, r);
        switch (r.stage()) {
            case SEED_TRAIN, FULL_TRAIN -> fullTrain = true;
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
