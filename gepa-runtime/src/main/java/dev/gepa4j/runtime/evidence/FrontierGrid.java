package dev.gepa4j.runtime.evidence;

import java.util.List;

/**
 * The Pareto frontier coverage grid: one row per candidate (by index), one column per train example.
 *
 * @param exampleIds the train examples, ordered by seed
 * @param rows       one per candidate, by index; each row has one cell per example id, in the same order
 */
public record FrontierGrid(List<String> exampleIds, List<Row> rows) {
    public FrontierGrid {
        exampleIds = List.copyOf(exampleIds);
        rows = List.copyOf(rows);
    }

    /** A candidate's row. */
    public record Row(String candidateId, int index, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A candidate on a train example.
     *
     * @param reward     the latest measured reward, null for {@link CellKind#UNMEASURED}
     * @param rolloutSeq the rollout the cell shows, 0 for {@link CellKind#UNMEASURED}
     */
    public record Cell(String exampleId, CellKind kind, Double reward, long rolloutSeq) {
    }

    /** What a cell means for the frontier. */
    public enum CellKind {
        /** The candidate raised the best reward on this example above every earlier frontier candidate's. */
        NEW,
        /** Reward above 0, but the example was already covered at least as well. */
        WIN,
        /** Reward 0 (a failed example counts as a miss). */
        MISS,
        /** The candidate never ran on this example (a child seen only on its minibatch, or still running). */
        UNMEASURED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
