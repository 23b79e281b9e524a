package dev.gepa4j.core.rollout;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import java.util.Objects;

/**
 * One candidate on one example.
 *
 * @param frontierVersion the frontier version the job was made from (overlapped mode uses it to judge staleness)
 */
public record RolloutJob(Candidate candidate, DatasetRow row, long frontierVersion) {
    public RolloutJob {
        Objects.requireNonNull(candidate, "candidate");
        Objects.requireNonNull(row, "row");
    }

    public RolloutJob(Candidate candidate, DatasetRow row) {
        this(candidate, row, 0);
    }
}
