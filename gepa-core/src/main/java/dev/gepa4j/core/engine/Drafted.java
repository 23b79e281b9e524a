package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;

/**
 * What the propose step ({@link ProposalStep#child}) produced: a child to gate, or the iteration's end (the draft
 * broke the proposer contract, or equals a registered candidate).
 */
sealed interface Drafted {
    /** An unregistered child, ready for its gate. */
    record Child(Candidate candidate) implements Drafted {
    }

    /** No child: the iteration ends here with {@code outcome}. */
    record Ended(IterationOutcome outcome) implements Drafted {
    }
}
