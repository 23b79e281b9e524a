package dev.gepa4j.core.workspace;

import java.util.Objects;

/**
 * What a new run is: its id, the task it optimizes, how it was configured.
 *
 * @param runId         unique within the workspace
 * @param task          task id or container URL, for listings
 * @param specJson      the resolved run spec as a JSON object (every value the run was started with, defaults and
 *                      chosen seeds filled in; names of environment variables, never secrets), so the run can be
 *                      resumed and its evidence packet can show the {@code "policy"} and {@code "proposer"} objects;
 *                      empty when the caller stores none (such a run cannot be resumed by the CLI)
 * @param seed          the run's random seed
 * @param mode          {@code serial} or {@code overlapped}
 * @param rolloutBudget {@code max_rollouts}: the most rollouts the run may use, executed or taken from the cache
 *                      (container calls are capped apart)
 */
public record RunSpec(String runId, String task, String specJson, long seed, String mode, long rolloutBudget) {
    public RunSpec {
        Objects.requireNonNull(runId, "runId");
        if (!runId.matches("[A-Za-z0-9._-]{1,80}")) {
            throw new IllegalArgumentException("run id '" + runId
                    + "' must be 1-80 characters of letters, digits, '.', '_' or '-'");
        }
        task = task == null ? "" : task;
        specJson = specJson == null ? "" : specJson;
        mode = mode == null ? "serial" : mode;
    }
}
