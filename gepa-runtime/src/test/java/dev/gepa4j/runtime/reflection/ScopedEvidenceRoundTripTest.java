package dev.gepa4j.runtime.reflection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.RouterClassifierTask;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The field tags of a real SDK container survive HTTP and a real sqlite workspace. */
class ScopedEvidenceRoundTripTest {
    @TempDir
    Path dir;

    @Test
    void moduleIdsAndPerFieldFeedbackTravelFromTheSdkThroughHttpIntoTheWorkspace() {
        try (ContainerServer server = ContainerServer.start(new RouterClassifierTask(), ServerOptions.defaults());
             HttpTaskContainer container = new HttpTaskContainer(server.url());
             SqliteWorkspace ws = SqliteWorkspace.open(dir)) {
            DatasetRow row = container.rows(Split.TRAIN, List.of(0L)).get(0);
            RolloutResult seed = container.rollout(new RolloutRequest("r-1", "run", "seed",
                    container.program().seedCandidate(), row, PolicySpec.of("embedded", "default"),
                    Duration.ofSeconds(5)));
            RunRecorder run = ws.startRun(new RunSpec("run", "router_classifier", "", 1, "serial", 10));
            run.append(Stage.SEED_TRAIN, "k-1", seed);
            RolloutResult stored = ws.reader().rollouts("run", 0).get(0).result();

            assertThat(seed.reward()).isZero();
            assertThat(seed.verifier().feedbackByModule()).containsOnlyKeys(RouterClassifierTask.ROUTER);
            assertThat(seed.verifier().feedbackFor(RouterClassifierTask.ROUTER)).contains("'atm' means cards");
            assertThat(TraceSteps.parse(seed.traceJson()).steps())
                    .extracting(TraceSteps.Step::moduleId)
                    .containsExactly(null, RouterClassifierTask.ROUTER, RouterClassifierTask.ROUTER,
                            RouterClassifierTask.ROUTER, RouterClassifierTask.CLASSIFIER,
                            RouterClassifierTask.CLASSIFIER, RouterClassifierTask.CLASSIFIER, null);
            assertThat(stored.verifier()).isEqualTo(seed.verifier());
            assertThat(stored.traceJson()).isEqualTo(seed.traceJson()).contains("\"module_id\":\"router_prompt\"");
        }
    }

    @Test
    void aContainerThatTagsNothingStoresNoPerFieldFeedback() {
        try (ContainerServer server = ContainerServer.start(new RouterClassifierTask(), ServerOptions.defaults());
             HttpTaskContainer container = new HttpTaskContainer(server.url())) {
            DatasetRow row = container.rows(Split.TRAIN, List.of(0L)).get(0);
            RolloutResult solved = container.rollout(new RolloutRequest("r-2", "run", "c1",
                    Map.of(RouterClassifierTask.ROUTER, "atm means cards",
                            RouterClassifierTask.CLASSIFIER, "kept means card_swallowed"), row,
                    PolicySpec.of("embedded", "default"), Duration.ofSeconds(5)));

            assertThat(solved.reward()).isEqualTo(1.0);
            assertThat(solved.verifier().feedbackByModule()).as("nothing failed, so no field is addressed").isEmpty();
        }
    }
}
