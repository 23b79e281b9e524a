package dev.gepa4j.cli.config;

import dev.gepa4j.core.engine.LoopDefaults;

/**
 * {@code [run]}.
 *
 * @param runId     the run's id; default: {@code run-<yyyyMMdd-HHmmss>}
 * @param workspace workspace folder, relative to the config file; default {@code gepa-runs}
 * @param seed      random seed; default 1
 * @param mode      {@code serial} (deterministic) or {@code overlapped}; default {@link LoopDefaults#MODE}
 */
public record RunSection(String runId, String workspace, Long seed, String mode) {
    public RunSection {
        workspace = workspace == null ? "gepa-runs" : workspace;
        seed = seed == null ? 1L : seed;
        mode = mode == null ? LoopDefaults.MODE.label() : mode;
        if (!mode.equals("serial") && !mode.equals("overlapped")) {
            throw new IllegalArgumentException("[run] mode = \"" + mode + "\": use \"serial\" or \"overlapped\"");
        }
    }
}
