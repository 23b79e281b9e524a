package dev.gepa4j.core.model;

/**
 * The two data roles of a run. Train seeds feed the minibatch gate, the full-train score and the Pareto
 * frontier; heldout seeds are used only for the final pick and never reach a proposer. There is no default:
 * every rollout, cache key and score names its split.
 */
public enum Split {
    TRAIN("train"),
    HELDOUT("heldout");

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
        throw new IllegalArgumentException("unknown split '" + label + "': expected train or heldout");
    }
}
