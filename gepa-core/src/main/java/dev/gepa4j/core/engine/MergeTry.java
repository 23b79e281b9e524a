package dev.gepa4j.core.engine;

/** How a merge iteration went: no pair was found (so the iteration reflects instead), or it ran to an outcome. */
sealed interface MergeTry {
    /** No untried pair of frontier candidates with a common ancestor; nothing was counted. */
    record NoPair() implements MergeTry {
    }

    /** The merge ran and ended the iteration with {@code outcome}. */
    record Ran(IterationOutcome outcome) implements MergeTry {
    }
}
