package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ConfigException;
import dev.gepa4j.cli.config.ContainerSection;
import dev.gepa4j.cli.config.DatasetSection;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.SplitOverlap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

/**
 * The rows of each data role, read from the container as {@code [dataset]} and {@code [container]} say. Sized roles
 * take consecutive seeds of their container split in the order train, pareto, heldout, test; explicit seed lists are
 * used as given. Roles that share a row are refused with the rows named.
 *
 * @param pareto empty when the frontier is scored on train
 * @param test   empty when the run has no test split
 */
record DatasetRoles(List<DatasetRow> train, List<DatasetRow> pareto, List<DatasetRow> heldout,
                    List<DatasetRow> test) {
    /** Default most train seeds taken by size. */
    static final int TRAIN_CAP = 100;
    /** Default most heldout seeds taken by size. */
    static final int HELDOUT_CAP = 200;

    static DatasetRoles read(TaskContainer container, DatasetSection d, ContainerSection c) {
        DatasetInfo info = container.dataset();
        Map<String, Long> nextSeed = new HashMap<>();
        List<Long> trainSeeds = seeds(d.trainSeeds(), d.trainSize(), TRAIN_CAP, "train", c.trainSplit(), info,
                nextSeed);
        List<Long> paretoSeeds = !d.ownPareto() ? List.of() : seeds(d.paretoSeeds(),
                d.paretoSize() != null ? d.paretoSize() : Integer.valueOf(trainSeeds.size()), Integer.MAX_VALUE,
                "pareto", c.paretoSplit(), info, nextSeed);
        List<Long> heldoutSeeds = seeds(d.heldoutSeeds(), d.heldoutSize(), HELDOUT_CAP, "heldout", c.heldoutSplit(),
                info, nextSeed);
        List<Long> testSeeds = !d.hasTest() ? List.of() : seeds(d.testSeeds(), d.testSize(), Integer.MAX_VALUE,
                "test", c.testSplit(), info, nextSeed);
        DatasetRoles roles = new DatasetRoles(container.rows(Split.TRAIN, trainSeeds),
                container.rows(Split.PARETO, paretoSeeds), container.rows(Split.HELDOUT, heldoutSeeds),
                container.rows(Split.TEST, testSeeds));
        Map<String, List<DatasetRow>> byRole = new LinkedHashMap<>();
        byRole.put("train", roles.train());
        byRole.put("pareto", roles.pareto());
        byRole.put("heldout", roles.heldout());
        byRole.put("test", roles.test());
        try {
            SplitOverlap.requireDisjoint(byRole);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("[dataset]: " + e.getMessage(), e);
        }
        return roles;
    }

    /** The container seeds of {@code rows}, in row order (what a resumed run asks for again). */
    static List<Long> seeds(List<DatasetRow> rows) {
        return rows.stream().map(r -> r.ref().seed()).toList();
    }

    /**
     * The explicit list, else {@code size} seeds (default: what is left of the split, at most {@code cap}) from the
     * next unused seed of the container split, which then moves past them.
     */
    private static List<Long> seeds(List<Long> explicit, Integer size, int cap, String role, String split,
                                    DatasetInfo info, Map<String, Long> nextSeed) {
        if (!explicit.isEmpty()) {
            return explicit;
        }
        Integer available = info.splitSizes().get(split);
        if (available == null) {
            throw new UserFacingException("the container's /dataset does not list the split '" + split + "' used for "
                    + role + " rows (it lists " + info.splitSizes().keySet() + "); set [container] " + role
                    + "_split to one of those names, or list [dataset] " + role + "_seeds");
        }
        long from = nextSeed.getOrDefault(split, 0L);
        long left = Math.max(0, available - from);
        long n = size != null ? size : Math.min(left, cap);
        if (n > left) {
            throw new UserFacingException("[dataset] asks for " + n + " " + role + " seeds of the container split '"
                    + split + "' from seed " + from + " (the seeds before it belong to earlier roles), but it has "
                    + available + " rows; lower " + role + "_size or the sizes of the roles before it");
        }
        nextSeed.put(split, from + n);
        return LongStream.range(from, from + n).boxed().toList();
    }
}
