package dev.gepa4j.sdk;

import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import java.util.List;

/**
 * A task, as a container author writes it. {@link ContainerServer} serves it over HTTP.
 *
 * <p>{@link #program()}, {@link #taskInfo()} and {@link #dataset()} are read once when the server starts.
 * {@link #rows} and {@link #rollout} are called from many threads at once and must be thread-safe.
 */
public interface TaskHandler {

    /** The prompt program: its mutable modules and the seed candidate covering them. */
    ProgramSpec program();

    /** Task description and hints for the proposer. */
    TaskInfo taskInfo();

    /** Data set id and the size of each split (split names are the container's, e.g. train and test). */
    DatasetInfo dataset();

    /**
     * One row per seed, in seed order.
     *
     * @throws IllegalArgumentException for an unknown split or a seed out of range; the message is sent to the
     *                                  client in a 400 and should say which values are valid
     */
    List<ExampleRow> rows(String split, List<Long> seeds);

    /**
     * Runs the candidate on one example and judges it. An exception thrown here is not a server error: the
     * server answers a result with status failed, reward 0 and the exception in the trace.
     */
    RolloutOutcome rollout(RolloutCall call) throws Exception;
}
