package dev.gepa4j.cli.config;

import java.util.List;

/**
 * {@code [dataset]}: which rows have which role. A role's explicit seed list wins over its size; a size takes the
 * next unused seeds of its container split, roles in the order train, pareto, heldout, test (so sized roles that
 * share a container split never overlap). Roles must not share a row: an overlap is refused with the rows named.
 *
 * @param trainSeeds   explicit train seeds (reflection minibatches and the gate)
 * @param heldoutSeeds explicit heldout seeds (the final pick)
 * @param trainSize    number of train seeds when no list is given; default: the container's split size, at most 100
 * @param heldoutSize  number of heldout seeds when no list is given; default: what is left of the container's split,
 *                     at most 200
 * @param pareto       the rows the frontier is scored on: {@code "train"} (default) or {@code "own"} (a split of its
 *                     own, from {@code pareto_seeds} / {@code pareto_size})
 * @param paretoSeeds  explicit pareto seeds (implies {@code pareto = "own"})
 * @param paretoSize   number of pareto seeds when no list is given (implies {@code pareto = "own"}); default with
 *                     {@code pareto = "own"}: as many as train
 * @param testSeeds    explicit test seeds: reported only, never read by the loop
 * @param testSize     number of test seeds when no list is given; no test split when neither is set
 */
public record DatasetSection(List<Long> trainSeeds, List<Long> heldoutSeeds, Integer trainSize, Integer heldoutSize,
                             String pareto, List<Long> paretoSeeds, Integer paretoSize, List<Long> testSeeds,
                             Integer testSize) {
    public DatasetSection {
        trainSeeds = trainSeeds == null ? List.of() : List.copyOf(trainSeeds);
        heldoutSeeds = heldoutSeeds == null ? List.of() : List.copyOf(heldoutSeeds);
        paretoSeeds = paretoSeeds == null ? List.of() : List.copyOf(paretoSeeds);
        testSeeds = testSeeds == null ? List.of() : List.copyOf(testSeeds);
        boolean ownGiven = !paretoSeeds.isEmpty() || paretoSize != null;
        pareto = pareto == null ? (ownGiven ? "own" : "train") : pareto;
        if (!pareto.equals("train") && !pareto.equals("own")) {
            throw new IllegalArgumentException("[dataset] pareto = \"" + pareto + "\": use \"train\" (score the "
                    + "frontier on the train rows) or \"own\" (a split of its own, from pareto_size or pareto_seeds)");
        }
        if (pareto.equals("train") && ownGiven) {
            throw new IllegalArgumentException("[dataset] pareto = \"train\" scores the frontier on the train rows, "
                    + "but pareto_size or pareto_seeds is set; remove them or set pareto = \"own\"");
        }
        for (Integer size : new Integer[] {trainSize, heldoutSize, paretoSize, testSize}) {
            if (size != null && size < 0) {
                throw new IllegalArgumentException("[dataset] sizes must be >= 0, got " + size);
            }
        }
    }

    /** No explicit rows: the container's splits, train 100 at most, heldout 200 at most, the frontier on train. */
    public static DatasetSection defaults() {
        return new DatasetSection(null, null, null, null, null, null, null, null, null);
    }

    /** Whether the frontier has rows of its own. */
    public boolean ownPareto() {
        return pareto.equals("own");
    }

    /** Whether the run has a test split. */
    public boolean hasTest() {
        return !testSeeds.isEmpty() || (testSize != null && testSize > 0);
    }
}
