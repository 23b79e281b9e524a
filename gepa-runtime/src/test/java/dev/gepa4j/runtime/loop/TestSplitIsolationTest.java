package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.container.TaskContainer;
import dev.gepa4j.core.engine.GepaLoop;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.CacheMode;
import dev.gepa4j.core.rollout.ConcurrencyLimits;
import dev.gepa4j.core.rollout.RetryPolicy;
import dev.gepa4j.core.rollout.RolloutBudget;
import dev.gepa4j.core.rollout.RolloutQueue;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.container.HttpTaskContainer;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import dev.gepa4j.testkit.synthetic.SyntheticOptions;
import dev.gepa4j.testkit.synthetic.SyntheticProposer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGeneratorFactory;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test split is reported only: a serial run with a test split makes exactly the decisions, candidates and
 * optimization rollouts of the same run without one, and its test rollouts (the seed and the pick, on a budget of
 * their own) come after every other rollout in the sqlite journal.
 */
class TestSplitIsolationTest {
    /** 10 train rows; the container's 12 test rows give heldout seeds 0-3 and test seeds 4-11. */
    private static final SyntheticOptions TASK = new SyntheticOptions(10, 12, 2, 7, 0);
    private static final long BUDGET = 240;

    @TempDir
    Path dir;

    @Test
    void a_test_split_changes_no_decision_and_runs_after_everything_else() {
        // Each run gets a fresh container: the SDK remembers answers by rollout id, and both runs use the same ids.
        try (SyntheticContainer first = SyntheticContainer.start(TASK);
             SyntheticContainer second = SyntheticContainer.start(TASK);
             SqliteWorkspace without = SqliteWorkspace.open(dir.resolve("without"));
             SqliteWorkspace with = SqliteWorkspace.open(dir.resolve("with"))) {
            LoopResult plain = run(first.url(), without, false);
            LoopResult tested = run(second.url(), with, true);

            assertThat(plain.test()).isNull();
            assertThat(tested.candidateIds()).isEqualTo(plain.candidateIds());
            assertThat(tested.bestCandidateId()).isEqualTo(plain.bestCandidateId());
            assertThat(tested.counts()).isEqualTo(plain.counts());
            var decisionsWith = with.reader().decisions("r").stream().map(SerialRunInvariantsTest::line).toList();
            var decisionsWithout = without.reader().decisions("r").stream().map(SerialRunInvariantsTest::line).toList();
            assertThat(decisionsWith).isEqualTo(decisionsWithout).hasSizeGreaterThan(5);

            List<RolloutRecord> all = with.reader().rollouts("r", 0);
            List<RolloutRecord> test = all.stream().filter(r -> r.result().example().split() == Split.TEST).toList();
            List<RolloutRecord> rest = all.stream().filter(r -> r.result().example().split() != Split.TEST).toList();
            assertThat(rest.stream().map(SerialRunInvariantsTest::line).toList())
                    .isEqualTo(without.reader().rollouts("r", 0).stream().map(SerialRunInvariantsTest::line).toList());
            long lastOptimizationSeq = rest.getLast().seq();
            int pickedRuns = plain.bestCandidateId().equals(plain.seedCandidateId()) ? 1 : 2;
            assertThat(test).hasSize(8 * pickedRuns)
                    .allSatisfy(r -> assertThat(r.seq()).isGreaterThan(lastOptimizationSeq))
                    .allSatisfy(r -> assertThat(r.stage()).isEqualTo(Stage.TEST))
                    .allSatisfy(r -> assertThat(List.of(plain.seedCandidateId(), plain.bestCandidateId()))
                            .contains(r.result().candidateId()));
            assertThat(tested.test().rows()).isEqualTo(8);
            assertThat(tested.test().rollouts()).isEqualTo(test.size());
            assertThat(tested.test().comparison().n()).isEqualTo(8);
        }
    }

    private static LoopResult run(String url, SqliteWorkspace workspace, boolean withTest) {
        RunRecorder recorder = workspace.startRun(new RunSpec("r", url, "synthetic", 3, "serial", BUDGET));
        try (TaskContainer container = new HttpTaskContainer(url)) {
            container.preflight();
            RolloutQueue queue = queue(container, recorder, new RolloutBudget(BUDGET, 0));
            List<DatasetRow> heldout = rows(container, Split.HELDOUT, 0, 4);
            LoopParts.Builder parts = LoopParts.builder().program(container.program())
                    .taskInfo(container.taskInfo()).train(rows(container, Split.TRAIN, 0, 10)).heldout(heldout)
                    .runner(queue).recorder(recorder).proposer(new SyntheticProposer(0.15, 0.15, 0))
                    .random(RandomGeneratorFactory.of("L64X128MixRandom").create(3));
            if (withTest) {
                parts.test(rows(container, Split.TEST, 4, 12), queue(container, recorder, new RolloutBudget(16, 0)));
            }
            return new GepaLoop(LoopConfig.builder().mode(Mode.SERIAL).build(), parts.build()).run();
        }
    }

    private static RolloutQueue queue(TaskContainer container, RunRecorder recorder, RolloutBudget budget) {
        return new RolloutQueue(List.of(container), recorder, budget, CacheMode.READWRITE, SyntheticLoop.POLICY, "r",
                Duration.ofSeconds(20), RetryPolicy.defaults(), ConcurrencyLimits.fixed(1), new SplittableRandom(3));
    }

    private static List<DatasetRow> rows(TaskContainer container, Split role, long from, long to) {
        return container.rows(role, LongStream.range(from, to).boxed().toList());
    }
}
