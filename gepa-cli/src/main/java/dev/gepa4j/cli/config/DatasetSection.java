package dev.gepa4j.cli.config;

import java.util.List;

/**
 * {@code [dataset]}: which seeds are train and which heldout. Explicit seed lists win over sizes; sizes take the
 * first N seeds of each split.
 *
 * @param trainSeeds   explicit train seeds
 * @param heldoutSeeds explicit heldout seeds
 * @param trainSize    number of train seeds when no list is given; default: the container's split size, at most 100
 * @param heldoutSize  number of heldout seeds when no list is given; default: the container's split size, at most 200
 */
public record DatasetSection(List<Long> trainSeeds, List<Long> heldoutSeeds, Integer trainSize, Integer heldoutSize) {
    public DatasetSection {
        trainSeeds = trainSeeds == null ? List.of() : List.copyOf(trainSeeds);
        heldoutSeeds = heldoutSeeds == null ? List.of() : List.copyOf(heldoutSeeds);
    }
}
