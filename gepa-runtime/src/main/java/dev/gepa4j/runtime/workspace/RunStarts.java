package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.WorkspaceException;
import java.sql.PreparedStatement;
import java.time.Instant;

/** Registering a new run and reopening one, the same for every workspace database. */
final class RunStarts {
    private RunStarts() {
    }

    /** Stores the run's row; refuses a taken id. {@code where} names the workspace in messages. */
    static void start(GroupCommitWriter writer, JdbcWorkspaceReader reader, RunSpec spec, String where) {
        if (reader.run(spec.runId()).isPresent()) {
            throw new WorkspaceException("run id '" + spec.runId() + "' is already taken in " + where
                    + ": choose another id, or continue it with `gepa resume " + spec.runId() + "`");
        }
        Instant now = Instant.now();
        writer.write(s -> {
            // the column kept its first name: it holds the run spec JSON (TOML text in workspaces written before)
            PreparedStatement ps = s.of("INSERT INTO runs (run_id, task, config_text, seed, mode, rollout_budget, "
                    + "status, started_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
            ps.setString(1, spec.runId());
            ps.setString(2, spec.task());
            ps.setString(3, spec.specJson());
            ps.setLong(4, spec.seed());
            ps.setString(5, spec.mode());
            ps.setLong(6, spec.rolloutBudget());
            ps.setString(7, RunStatus.RUNNING.label());
            ps.setString(8, now.toString());
            return ps.executeUpdate();
        });
    }

    /** Marks a stored run running again; names the known runs when the id is unknown. */
    static void resume(GroupCommitWriter writer, JdbcWorkspaceReader reader, String runId, String where) {
        if (reader.run(runId).isEmpty()) {
            String known = String.join(", ", reader.runs().stream().map(RunInfo::runId).toList());
            throw new WorkspaceException("no run '" + runId + "' in " + where + "; known runs: "
                    + (known.isEmpty() ? "(none)" : known));
        }
        writer.write(s -> {
            PreparedStatement ps = s.of("UPDATE runs SET status = ?, stop_reason = NULL, finished_at = NULL "
                    + "WHERE run_id = ?");
            ps.setString(1, RunStatus.RUNNING.label());
            ps.setString(2, runId);
            return ps.executeUpdate();
        });
    }
}
