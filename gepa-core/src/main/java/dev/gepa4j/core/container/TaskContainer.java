package dev.gepa4j.core.container;

import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import java.util.List;

/**
 * A task container as the optimizer sees it: one endpoint that serves the program surface, the data set and
 * rollouts.
 *
 * <p>Contract for implementations:
 * <ul>
 *   <li>Every method is safe to call from many threads at once.</li>
 *   <li>{@link #rows} returns exactly one row per requested seed, in the order of the seeds.</li>
 *   <li>{@link #rollout} returns a result for every example the container judged, including examples that failed
 *       inside the container ({@code status FAILED}, reward 0). It throws {@link ContainerException} only when no
 *       valid answer was obtained: retriable for transport trouble, non-retriable for client errors and contract
 *       violations (a missing or non-numeric reward is a violation, never 0). It never retries by itself: retries
 *       belong to the rollout queue.</li>
 * </ul>
 */
public interface TaskContainer extends AutoCloseable {

    /** Base URL (or a descriptive name for in-process containers), used in logs and the workspace. */
    String endpoint();

    /**
     * Checks that the container is up and speaks the gepa contract: health, then the metadata's contract
     * declaration, then program and dataset. Throws {@link ContainerException} naming the first failed step.
     */
    void preflight();

    /** The mutable prompt surface ({@code GET /program}). */
    ProgramSpec program();

    /** Task description and proposer hints ({@code GET /task_info}). */
    TaskInfo taskInfo();

    /** Split sizes as the container declares them ({@code GET /dataset}). */
    DatasetInfo dataset();

    /** One row per seed, in seed order ({@code POST /dataset/rows}). */
    List<DatasetRow> rows(Split split, List<Long> seeds);

    /** Runs one candidate on one example ({@code POST /rollout}). */
    RolloutResult rollout(RolloutRequest request);

    /** Releases connections; never throws. */
    @Override
    void close();
}
