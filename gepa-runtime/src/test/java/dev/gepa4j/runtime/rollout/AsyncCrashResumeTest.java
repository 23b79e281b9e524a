package dev.gepa4j.runtime.rollout;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.runtime.container.HttpContainerOptions;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.runtime.container.PublicShapeContainer;
import dev.gepa4j.runtime.container.RolloutSubmission;
import dev.gepa4j.runtime.container.SubmissionMode;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills (SIGKILL) a child JVM while it polls async rollouts (real HTTP, a real sqlite workspace holding the
 * submitted ids), resumes the run in this process and checks on the container's side that every rollout whose id
 * the killed run had stored was polled, not submitted again, and in the workspace that every rollout is counted
 * exactly once.
 */
@Timeout(180)
class AsyncCrashResumeTest {
    static final Duration ASYNC_TIMEOUT = Duration.ofSeconds(60);
    private static final int JOBS = 16;
    private static final int CONCURRENCY = 4;
    /** How long each async rollout runs in the container. */
    private static final long ROLLOUT_MILLIS = 1500;

    @TempDir
    Path dir;

    /** The client both processes use: async submission, quick polls, submitted ids kept in the workspace. */
    static List<TaskContainer> asyncClient(String url, SqliteWorkspace workspace) {
        HttpTaskContainer client = new HttpTaskContainer(url, HttpContainerOptions.defaults().withSubmission(
                new RolloutSubmission(SubmissionMode.ASYNC, Duration.ofMillis(50), ASYNC_TIMEOUT,
                        Duration.ofSeconds(10))));
        client.rememberSubmissionsIn(workspace.asyncSubmissions());
        return List.of(client);
    }

    @Test
    void aRunKilledWhilePollingResumesByPollingWhatItSubmittedAndCountsEveryRolloutOnce() throws Exception {
        try (PublicShapeContainer container = PublicShapeContainer.start(PublicShapeContainer.shape()
                .asyncOnly(ROLLOUT_MILLIS))) {
            Process child = startChild(container.url());
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
                while (container.submissions().size() < CONCURRENCY + 2 && System.nanoTime() < deadline
                        && child.isAlive()) {
                    Thread.sleep(10);
                }
                Thread.sleep(300); // the last submissions are stored and being polled now (each runs 1.5 s)
                assertThat(child.isAlive()).as("the child must still be polling when killed").isTrue();
            } finally {
                child.destroyForcibly();
                child.waitFor(30, TimeUnit.SECONDS);
            }
            Map<String, Integer> submittedBeforeKill = container.submissions();

            try (SqliteWorkspace workspace = SqliteWorkspace.open(dir)) {
                RunRecorder resumed = workspace.resumeRun("async-crashy");
                Set<String> committed = workspace.reader().rollouts("async-crashy", 0).stream()
                        .map(r -> r.result().rolloutId()).collect(Collectors.toSet());
                Set<String> heldAtKill = submittedBeforeKill.keySet().stream()
                        .filter(id -> !committed.contains(id)
                                && workspace.asyncSubmissions().find(id, container.url()).isPresent())
                        .collect(Collectors.toSet());
                assertThat(heldAtKill).as("rollouts submitted, stored and unfinished at the kill").isNotEmpty();
                assertThat(committed).as("some rollouts finished before the kill").isNotEmpty();

                RolloutBudget budget = new RolloutBudget(100_000, resumed.usedInRun());
                RolloutQueue queue = QueueFixture.queue(asyncClient(container.url(), workspace), resumed, budget,
                        "async-crashy", ASYNC_TIMEOUT, ConcurrencyLimits.fixed(CONCURRENCY));
                BatchResult batch = queue.run(Stage.SEED_TRAIN, QueueFixture.jobs("Answer the question.", JOBS));

                assertThat(batch.complete()).isTrue();
                assertThat(batch.results()).allMatch(RolloutResult::measured);
                for (String id : heldAtKill) {
                    assertThat(container.submissionsOf(id)).as("submissions of rollout " + id
                            + ", held when the run was killed: polled on resume, not submitted again").isEqualTo(1);
                }
                // not lost, not double-counted: one journal row per job, the budget charged once per rollout
                List<RolloutRecord> rows = workspace.reader().rollouts("async-crashy", 0);
                assertThat(rows).hasSize(JOBS);
                assertThat(rows.stream().map(r -> r.result().rolloutId()).distinct()).hasSize(JOBS);
                assertThat(resumed.usedInRun()).isEqualTo(JOBS);
                assertThat(batch.cached()).isEqualTo(committed.size());
                assertThat(budget.committed()).isEqualTo(JOBS);
                // a second submission can only come from the instant between a POST's answer and the commit of its
                // id, for rollouts in flight at the kill: never more than the concurrency limit
                long resubmitted = container.submissions().values().stream().filter(n -> n > 1).count();
                assertThat(resubmitted).isLessThanOrEqualTo(CONCURRENCY);
                assertThat(container.submissions()).hasSize(JOBS);
            }
        }
    }

    private Process startChild(String url) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), AsyncCrashChild.class.getName(), dir.toString(), url,
                "async-crashy", String.valueOf(JOBS), String.valueOf(CONCURRENCY))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }
}
