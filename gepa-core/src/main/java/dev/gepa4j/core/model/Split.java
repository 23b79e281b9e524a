package dev.gepa4j.core.model;

/**
 * The data roles of a run. Every rollout, cache key and score names its split; the roles never share a row.
 * <ul>
 *   <li>{@link #TRAIN}: reflection minibatches (what a proposer sees) and the minibatch gate; also the frontier's
 *       rows when the run gives the frontier no split of its own.</li>
 *   <li>{@link #PARETO}: the rows a gated child is scored on to join the Pareto frontier, when the run gives the
 *       frontier a split of its own; never shown to a proposer as feedback.</li>
 *   <li>{@link #HELDOUT}: the final pick only; never reaches a proposer.</li>
 *   <li>{@link #TEST}: reported only, after the loop has finished: no decision of the loop reads it and no proposer
 *       sees it.</li>
 * </ul>
 */
public enum Split {
    TRAIN("train"),
    PARETO("pareto"),
    HELDOUT("heldout"),
    TEST("test");

    private final String label;

    Split(String label) {
        this.label = label;
    }

    /** The lower-case name used in the workspace, the evidence packet and the console. */
    public String label() {
        return label;
    }

    /** Parses {@link #label()}; throws {@link IllegalArgumentException} naming the accepted values. */
    public static Split fromLabel(String label) {
        for (Split s : values()) {
            if (s.label.equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown split '" + label + "': expected train, pareto, heldout or test");
    }
}
