package dev.gepa4j.cli;

import dev.gepa4j.cli.config.ConfigLoader;
import dev.gepa4j.cli.config.RunSpecJson;
import dev.gepa4j.core.workspace.RunInfo;
import java.nio.file.Path;

/**
 * What {@code gepa resume} rebuilds a run from: the resolved run spec (JSON) the run stored when it started. Runs
 * stored by an earlier gepa4j hold the configuration's TOML text instead; they still resume, as they did then: the
 * TOML is read again, its relative paths resolve against the workspace folder and unlisted seeds are chosen again
 * from the container (the same first N, as long as the container serves the same dataset).
 */
final class StoredRunSpec {
    private StoredRunSpec() {
    }

    static RunSpecJson.Stored of(RunInfo run, Path workspaceDir) {
        String text = run.specJson() == null ? "" : run.specJson().strip();
        String origin = "the stored run spec of run " + run.runId();
        if (text.isEmpty()) {
            throw new UserFacingException("run " + run.runId() + " stored no run spec (it was started through the "
                    + "library API without one), so gepa resume cannot rebuild it; continue it with the code that "
                    + "started it");
        }
        if (text.startsWith("{")) {
            return RunSpecJson.read(text, origin);
        }
        System.err.println("gepa: run " + run.runId() + " was stored by an earlier gepa4j as TOML text; resuming from"
                + " it (relative paths resolve against " + workspaceDir + ")");
        return new RunSpecJson.Stored(ConfigLoader.parse(text, "the stored configuration of run " + run.runId()),
                workspaceDir);
    }
}
