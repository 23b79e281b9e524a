package dev.gepa4j.runtime.loop;

import dev.gepa4j.core.engine.RunEvent;
import dev.gepa4j.core.engine.RunListener;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Path;
import java.util.List;

/**
 * The process {@link ResumeAfterKillTest} kills: a serial synthetic run with a slow proposer. Arguments: container
 * URL, workspace folder, run id, seed, rollout budget, proposer latency in ms. Prints {@code started} once the run is
 * in the workspace and {@code finished} if nobody killed it.
 */
public final class LoopChild {
    private LoopChild() {
    }

    public static void main(String[] args) {
        SyntheticLoop loop = SyntheticLoop.serial(args[0], args[2], Long.parseLong(args[3]), Long.parseLong(args[4]))
                .withProposerLatency(Long.parseLong(args[5]));
        RunListener announce = e -> {
            if (e instanceof RunEvent.RunStarted) {
                System.out.println("started");
            }
        };
        try (SqliteWorkspace workspace = SqliteWorkspace.open(Path.of(args[1]))) {
            loop.start(workspace, List.of(announce));
        }
        System.out.println("finished");
    }
}
