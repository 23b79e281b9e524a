package dev.gepa4j.runtime.evidence;

import java.util.List;

/**
 * One candidate's numbers. Scores are fractions in [0,1] or null when not measured (see the package definitions).
 *
 * @param role          {@code seed}, {@code best}, {@code seed+best}, {@code frontier} (holds the best reward on a
 *                      covered train example), {@code dominated} (fully evaluated, holds none), {@code rejected}
 *                      (failed a gate) or {@code evaluating} (no verdict yet)
 * @param liftTrain     train minus the seed's train, null when either is unmeasured
 * @param liftHeldout   heldout minus the seed's heldout, null when either is unmeasured
 * @param newSeeds      train examples on which this candidate raised the frontier's best reward when it arrived
 * @param wins          train examples on which it holds the frontier's best reward (above 0) now
 * @param trainMeasured train examples it has a measured result on
 * @param changedFields the fields whose text differs from its first parent's, in field order (empty for the seed)
 */
public record CandidateScore(String candidateId, int index, List<String> parents, String origin, String role,
                             Double mini, Double train, Double heldout, Double liftTrain, Double liftHeldout,
                             int newSeeds, int wins, int trainMeasured, List<String> changedFields) {
    public CandidateScore {
        parents = List.copyOf(parents);
        changedFields = List.copyOf(changedFields);
    }
}
