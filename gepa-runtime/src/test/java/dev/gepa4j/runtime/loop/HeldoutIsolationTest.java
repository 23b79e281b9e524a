package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopParts;
import dev.gepa4j.core.engine.LoopPolicies;
import dev.gepa4j.core.engine.MergeSettings;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.RunEvent;
import dev.gepa4j.core.engine.RunListener;
import dev.gepa4j.core.engine.Staleness;
import dev.gepa4j.core.engine.StopHandle;
import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.strategy.ParentSelector;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.testkit.synthetic.SyntheticContainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Heldout examples decide only the final pick: no proposer, reflective or merge, is ever shown one. A recording
 * proposer wraps both proposers of real runs (HTTP container, sqlite workspace) in each mode that builds packets
 * differently, and every packet it saw, and every proposal input stored, is searched for each heldout example's id
 * and input text. The same search finds train examples in the packets, so it is a search that can hit.
 */
class HeldoutIsolationTest {
    private static final long BUDGET = SyntheticLoop.BUDGET;

    @TempDir
    Path dir;

    @Test
    void a_serial_run_shows_proposers_no_heldout_example() {
        checkRun(SyntheticLoop.serial("", "serial", 5, BUDGET), false);
    }

    @Test
    void an_overlapped_run_shows_proposers_no_heldout_example() {
        checkRun(new SyntheticLoop("", "overlapped", 9, BUDGET, Mode.OVERLAPPED, 4, 8, 5, Staleness.acceptAsIs()),
                false);
    }

    @Test
    void a_run_with_merges_shows_the_merge_proposer_no_heldout_example() {
        checkRun(SyntheticLoop.serial("", "merging", 5, BUDGET), true);
    }

    @Test
    void a_stopped_and_resumed_run_shows_proposers_no_heldout_example() {
        try (SyntheticContainer container = SyntheticContainer.start(SyntheticLoop.TASK);
             SqliteWorkspace workspace = SqliteWorkspace.open(dir)) {
            SyntheticLoop loop = SyntheticLoop.serial(container.url(), "resumed", 17, BUDGET);
            Recording first = new Recording();
            StopHandle stop = new StopHandle();
            RunListener stopAfterThree = e -> {
                if (e instanceof RunEvent.ProposalRecorded p && p.seq() == 3) {
                    stop.request("test pause");
                }
            };
            var paused = loop.start(workspace, List.of(stopAfterThree), c -> c.merge(MergeSettings.on(5)),
                    parts -> first.tap(parts, parts.policies(), stop));
            assertThat(paused.result().status()).isEqualTo(RunStatus.STOPPED);
            Recording second = new Recording();
            var resumed = loop.resume(workspace, c -> c.merge(MergeSettings.on(5)), second::tap);
            assertThat(second.packets).as("proposals made after the resume").isNotEmpty();

            List<DatasetRow> heldout = second.heldout;
            assertThat(resumed.result().bestHeldoutMean()).as("the heldout split was used for the pick").isNotNull();
            List<ProposalPacket> all = new ArrayList<>(first.packets);
            all.addAll(second.packets);
            assertNoHeldout(all, workspace.reader().proposals("resumed"), heldout, second.train);
        }
    }

    private void checkRun(SyntheticLoop shape, boolean merges) {
        try (SyntheticContainer container = SyntheticContainer.start(SyntheticLoop.TASK.withLatencyMs(1));
             SqliteWorkspace workspace = SqliteWorkspace.open(dir)) {
            SyntheticLoop loop = new SyntheticLoop(container.url(), shape.runId(), shape.seed(), shape.budget(),
                    shape.mode(), shape.lanes(), shape.concurrency(), shape.proposerLatencyMs(), shape.staleness());
            Recording recording = new Recording();
            UnaryOperator<LoopConfig.Builder> config = merges ? c -> c.merge(MergeSettings.on(5)) : c -> c;
            // merges need siblings on the frontier; children of the last best form a chain, so the merge run
            // grows every proposal from the seed
            UnaryOperator<LoopParts> parts = merges
                    ? p -> recording.tap(p, LoopPolicies.builder().parentSelector(new SeedParent()).build(), p.stopHandle())
                    : recording::tap;
            var outcome = loop.start(workspace, List.of(), config, parts);

            assertThat(outcome.result().bestHeldoutMean()).as("the heldout split was used for the pick").isNotNull();
            if (merges) {
                assertThat(recording.packets).as("merge packets").anyMatch(ProposalPacket::isMerge);
            }
            assertNoHeldout(recording.packets, workspace.reader().proposals(shape.runId()), recording.heldout,
                    recording.train);
        }
    }

    private static void assertNoHeldout(List<ProposalPacket> packets, List<ProposalRecord> stored,
                                        List<DatasetRow> heldout, List<DatasetRow> train) {
        assertThat(packets).as("packets the proposers were given").isNotEmpty();
        assertThat(heldout).as("heldout rows").isNotEmpty();
        for (ProposalPacket packet : packets) {
            String text = packet.toString();
            for (DatasetRow row : heldout) {
                assertThat(text).as("packet %d against heldout %s", packet.seq(), row.ref().exampleId())
                        .doesNotContain(row.ref().exampleId()).doesNotContain(row.inputText());
            }
        }
        for (ProposalRecord p : stored) {
            for (DatasetRow row : heldout) {
                assertThat(p.input()).as("stored input of proposal %d", p.seq())
                        .doesNotContain(row.ref().exampleId()).doesNotContain(row.inputText());
            }
        }
        // the same search on train rows hits, so a leaked heldout row would be found
        assertThat(packets.stream().filter(p -> !p.isMerge()).map(ProposalPacket::toString))
                .anyMatch(text -> train.stream().anyMatch(row -> text.contains(row.ref().exampleId())
                        && text.contains(row.inputText())));
    }

    /** Always the seed (index 0), so children are siblings and merges have pairs. */
    private static final class SeedParent implements ParentSelector {
        @Override
        public Candidate select(ParetoFrontier frontier, RandomGenerator random) {
            return frontier.candidates().stream().filter(c -> c.index() == 0).findFirst().orElseThrow();
        }

        @Override
        public String name() {
            return "seed";
        }
    }

    /** Wraps a run's proposers so every packet they are given is kept. */
    private static final class Recording {
        final List<ProposalPacket> packets = new ArrayList<>();
        List<DatasetRow> heldout = List.of();
        List<DatasetRow> train = List.of();

        LoopParts tap(LoopParts p) {
            return tap(p, p.policies(), p.stopHandle());
        }

        /** The parts with recording proposers, and the given policies and stop handle. */
        LoopParts tap(LoopParts p, LoopPolicies policies, StopHandle stopHandle) {
            heldout = p.heldout();
            train = p.train();
            return LoopParts.builder().program(p.program()).taskInfo(p.taskInfo()).train(p.train())
                    .heldout(p.heldout()).runner(p.runner()).recorder(p.recorder()).proposer(recording(p.proposer()))
                    .mergeProposer(recording(p.mergeProposer())).policies(policies).random(p.random())
                    .listeners(p.listeners()).stopHandle(stopHandle).clock(p.clock()).build();
        }

        private Proposer recording(Proposer inner) {
            return new Proposer() {
                @Override
                public String kind() {
                    return inner.kind();
                }

                @Override
                public ProposalOutcome propose(ProposalPacket packet) {
                    synchronized (packets) {
                        packets.add(packet);
                    }
                    return inner.propose(packet);
                }
            };
        }
    }
}
