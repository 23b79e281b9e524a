package dev.gepa4j.core.model;

/**
 * What {@code GET /task_info} says about the task, reduced to what proposers and reports use.
 *
 * @param taskId        the container's task id (may be empty)
 * @param description   plain-text description of the task
 * @param proposerHints hints for the proposer, rendered as text (empty when the container gives none)
 */
public record TaskInfo(String taskId, String description, String proposerHints) {
    public TaskInfo {
        taskId = taskId == null ? "" : taskId;
        description = description == null ? "" : description;
        proposerHints = proposerHints == null ? "" : proposerHints;
    }
}
