package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.Candidate;

/**
 * The second parent and the common ancestor of a merge, with both parents' train means.
 */
public record MergeContext(Candidate otherParent, Candidate ancestor, double parentMean, double otherParentMean) {
}
