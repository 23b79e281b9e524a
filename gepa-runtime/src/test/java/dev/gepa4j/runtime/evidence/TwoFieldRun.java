package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.RolloutCacheKey;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.RouterClassifierTask;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A small run of a two-field program written through a real {@link RunRecorder}, its rollouts made over HTTP by the
 * testkit's {@link RouterClassifierTask} (so the traces carry real {@code module_id} tags and per-field feedback):
 * the seed, whose router misroutes every ticket, and a child that rewrote only the router prompt and solves them
 * (its text holds a script tag the container echoes into its trace), both on 6 train examples.
 */
public final class TwoFieldRun {
    public static final String CHILD_ROUTER = "Route it. <script>alert(2)</script> atm and pin mean cards; landlord "
            + "and wire mean transfers.";
    /** A classifier prompt that already knows every intent's cue word: only the router is at fault. */
    public static final String CLASSIFIER = "Name the intent; cue words: kept, twice, blocked, arrived, long, returned.";
    public static final Candidate SEED = Candidate.of(0, Map.of(RouterClassifierTask.ROUTER,
            RouterClassifierTask.ROUTER_SEED, RouterClassifierTask.CLASSIFIER, CLASSIFIER), List.of(), "seed");
    public static final Candidate CHILD = Candidate.of(1, Map.of(RouterClassifierTask.ROUTER, CHILD_ROUTER,
            RouterClassifierTask.CLASSIFIER, CLASSIFIER), List.of(SEED.id()), "mutation:llm");
    private static final PolicySpec POLICY = PolicySpec.of("embedded", "stand-in");

    private TwoFieldRun() {
    }

    /** Starts run {@code runId} in the workspace and writes it to the end. */
    public static void writeAll(Workspace workspace, String runId) {
        RunRecorder r = workspace.startRun(new RunSpec(runId, "router_classifier", "{\"spec_version\": 1}", 1,
                "serial", 100));
        try (ContainerServer server = ContainerServer.start(new RouterClassifierTask(), ServerOptions.defaults());
             HttpTaskContainer container = new HttpTaskContainer(server.url())) {
            List<DatasetRow> rows = container.rows(Split.TRAIN, List.of(0L, 1L, 2L, 3L, 4L, 5L));
            r.registerCandidate(SEED);
            run(r, container, Stage.SEED_TRAIN, SEED, rows);
            r.registerCandidate(CHILD);
            run(r, container, Stage.FULL_TRAIN, CHILD, rows);
            r.recordDecision(new DecisionRecord(1, CHILD.id(), SEED.id(), "minibatch", true,
                    "child beat parent on the minibatch", 0.0, 0.5, Instant.now()));
        }
        r.finish(RunStatus.FINISHED, "rollout budget spent");
    }

    private static void run(RunRecorder r, HttpTaskContainer container, Stage stage, Candidate c,
                            List<DatasetRow> rows) {
        for (DatasetRow row : rows) {
            RolloutResult result = container.rollout(new RolloutRequest(c.id() + "-" + row.ref().exampleId(),
                    "run", c.id(), c.components(), row, POLICY, Duration.ofSeconds(10)));
            r.append(stage, RolloutCacheKey.of(c.components(), row.ref().exampleId(), row.ref().split(), POLICY),
                    result);
        }
    }
}
