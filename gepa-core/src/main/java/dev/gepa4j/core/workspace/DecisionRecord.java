package dev.gepa4j.core.workspace;

import java.time.Instant;

/**
 * One decision about a proposed candidate, with the reason in words and the numbers it rests on.
 *
 * @param proposalSeq the proposal it belongs to
 * @param candidateId the child judged
 * @param parentId    the parent it was compared with (the better parent for merges)
 * @param stage       {@code duplicate}, {@code minibatch}, {@code merge_sample}, {@code full_train}
 * @param accepted    whether the child went on
 * @param reason      why, in words a person can check
 * @param parentScore the parent's score on the compared examples (null when not compared)
 * @param childScore  the child's score on the same examples (null when not measured)
 */
public record DecisionRecord(int proposalSeq, String candidateId, String parentId, String stage, boolean accepted,
                             String reason, Double parentScore, Double childScore, Instant decidedAt) {
}
