package dev.gepa4j.core.workspace;

import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.Stage;
import java.time.Instant;

/** A journal row: one rollout of a run, in the order it was committed ({@code seq} grows by one per row and run). */
public record RolloutRecord(long seq, String runId, Stage stage, String cacheKey, RolloutResult result,
                            Instant finishedAt) {
}
