package dev.gepa4j.core.workspace;

import java.time.Instant;

/**
 * A run as the workspace knows it.
 *
 * @param finishedAt null while running
 * @param stopReason null while running
 */
public record RunInfo(String runId, String task, String configText, long seed, String mode, long rolloutBudget,
                      RunStatus status, String stopReason, Instant startedAt, Instant finishedAt) {
}
