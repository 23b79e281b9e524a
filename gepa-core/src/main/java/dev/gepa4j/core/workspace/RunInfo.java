package dev.gepa4j.core.workspace;

import java.time.Instant;

/**
 * A run as the workspace knows it.
 *
 * @param specJson   the resolved run spec as JSON (see {@link RunSpec#specJson()}); in workspaces written before
 *                   the spec existed, the configuration's TOML text
 * @param finishedAt null while running
 * @param stopReason null while running
 */
public record RunInfo(String runId, String task, String specJson, long seed, String mode, long rolloutBudget,
                      RunStatus status, String stopReason, Instant startedAt, Instant finishedAt) {
}
