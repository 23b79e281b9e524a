package dev.gepa4j.api.engine;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import java.util.List;
import java.util.Objects;

/**
 * What a run optimizes: the task's containers (HTTP clients or in-process), its program and description, and the
 * rows of each data role, already read from the container.
 *
 * @param name       the task's name in the workspace's run list
 * @param containers one or more endpoints of the same task; the first answered program, task info and rows
 * @param pareto     empty when the frontier is scored on train
 * @param test       empty when the run has no test split
 */
public record RunTask(String name, List<TaskContainer> containers, ProgramSpec program, TaskInfo taskInfo,
                      List<DatasetRow> train, List<DatasetRow> pareto, List<DatasetRow> heldout,
                      List<DatasetRow> test) {
    public RunTask {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(program, "program");
        Objects.requireNonNull(taskInfo, "taskInfo");
        containers = List.copyOf(containers);
        if (containers.isEmpty()) {
            throw new IllegalArgumentException("a run needs at least one container");
        }
        train = List.copyOf(train);
        pareto = List.copyOf(pareto);
        heldout = List.copyOf(heldout);
        test = List.copyOf(test);
    }
}
