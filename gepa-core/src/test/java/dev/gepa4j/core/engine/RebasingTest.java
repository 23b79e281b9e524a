package dev.gepa4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.strategy.AllComponents;
import dev.gepa4j.core.strategy.ParentSelector;
import dev.gepa4j.core.workspace.DecisionRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The rebase staleness policy on the keyword task: the first proposal is held until another lane's child has joined
 * the frontier, so it comes back stale. Under {@code rebase} its edit lands on the new best and is gated against
 * it; under {@code accept} the same proposal keeps its own parent.
 *
 * <p>Which minibatch and proposer seed each lane draws depends on thread timing, so the setup does not leave the
 * rebase to those draws: the held proposal and all the others edit different fields (see {@link FirstCallWaits}).
 */
class RebasingTest {

    /**
     * Holds its first call until a candidate has been accepted, then answers as the keyword proposer would; every
     * other call is answered as the keyword proposer would with the held call's field taken out of the fields to
     * update.
     *
     * <p>That makes the rebase certain whatever each lane drew: the held call is planned on the seed, which fails
     * every example, so it adds the keyword its first failure asks for to the field that failure names. No other
     * proposal ever changes that field, so when the held call returns the best still has the seed's text there:
     * it fails that example of the held minibatch (the best cannot score 1 there), its own edits are in other fields
     * (moving the edit onto it cannot conflict), and no registered candidate has the held edit (no duplicate).
     */
    private static final class FirstCallWaits implements Proposer {
        final KeywordProposer held = new KeywordProposer(0.0);
        final KeywordProposer others = new KeywordProposer(0.0);
        final CountDownLatch accepted = new CountDownLatch(1);
        private int heldSeq = -1;
        private int heldParentIndex = -1;
        private String heldField;

        @Override
        public String kind() {
            return held.kind();
        }

        @Override
        public ProposalOutcome propose(ProposalPacket packet) {
            String leaveAlone;
            synchronized (this) {
                if (heldSeq < 0) {
                    heldSeq = packet.seq();
                    heldParentIndex = packet.parent().index();
                    heldField = KeywordProposer.fieldAskedFor(packet.failures().get(0));
                    leaveAlone = null;
                } else {
                    leaveAlone = heldField;
                }
            }
            if (leaveAlone != null) {
                return others.propose(withFieldsToUpdate(packet,
                        packet.fieldsToUpdate().stream().filter(f -> !f.equals(leaveAlone)).toList()));
            }
            try {
                if (!accepted.await(60, TimeUnit.SECONDS)) {
                    throw new AssertionError("no other lane got a child accepted within 60 s");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            return held.propose(packet);
        }

        synchronized int heldSeq() {
            return heldSeq;
        }

        synchronized int heldParentIndex() {
            return heldParentIndex;
        }
    }

    private static ProposalPacket withFieldsToUpdate(ProposalPacket p, List<String> fields) {
        return new ProposalPacket(p.seq(), p.parent(), fields, p.mutableFields(), p.failures(), p.successes(),
                p.parentDiff(), p.parentMinibatchMean(), p.parentTrainMean(), p.frontierSummary(), p.taskDescription(),
                p.proposerHints(), p.rejectedAttempts(), p.proposalsWanted(), p.randomSeed(), p.merge());
    }

    private record Held(InMemoryRecorder recorder, int seq, LoopResult result) {
        List<DecisionRecord> decisions() {
            return recorder.decisions.values().stream().filter(d -> d.proposalSeq() == seq).toList();
        }

        Candidate registered() {
            DecisionRecord full = decisions().stream().filter(d -> d.stage().equals("full_train")).findFirst()
                    .orElseThrow(() -> new AssertionError("proposal " + seq + " was not registered: " + decisions() + " "
                            + recorder.events.values().stream().filter(e -> String.valueOf(seq).equals(e.fields().get("seq")))
                            .map(e -> e.type() + e.fields()).toList()));
            return recorder.candidates.get(full.candidateId());
        }
    }

    private static Held run(Staleness staleness) {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(250, rec, 5, 0);
        FirstCallWaits proposer = new FirstCallWaits();
        // every field may change, so the held proposal always finds an edit among its minibatch's failures
        LoopParts parts = LoopFixture.partsBuilder(runner, rec, proposer, 11)
                .policies(LoopPolicies.builder().componentSelector(new AllComponents()).build())
                .listeners(List.of(e -> {
                    if (e instanceof RunEvent.CandidateAccepted) {
                        proposer.accepted.countDown();
                    }
                })).build();
        LoopConfig config = LoopFixture.config().mode(Mode.OVERLAPPED).lanes(2).staleness(staleness).build();
        LoopResult r = new GepaLoop(config, parts).run();
        assertThat(proposer.heldParentIndex()).as("the held proposal was planned on the seed").isZero();
        return new Held(rec, proposer.heldSeq(), r);
    }

    @Test
    void a_stale_child_is_moved_onto_the_best_and_gated_against_it() {
        Held held = run(Staleness.rebase());
        Candidate child = held.registered();
        String seedId = held.result().seedCandidateId();
        // moved child: the best it landed on, then the parent it was moved from (the seed it was reflected on, or,
        // when the best changed again while it was gated, the best it was first moved onto)
        assertThat(child.parentIds()).hasSize(2);
        Candidate best = held.recorder().candidates.get(child.parentIds().get(0));
        Candidate movedFrom = held.recorder().candidates.get(child.parentIds().get(1));
        assertThat(best.index()).isPositive().isLessThan(child.index());
        assertThat(movedFrom.index()).isLessThan(best.index());
        if (!movedFrom.id().equals(seedId)) {
            assertThat(held.decisions()).as("the gate against the best it was first moved onto")
                    .anyMatch(d -> d.stage().equals("minibatch") && d.parentId().equals(movedFrom.id())
                            && d.accepted());
        }
        assertThat(child.origin()).isEqualTo("mutation:keyword");

        DecisionRecord gate = held.decisions().stream().filter(d -> d.stage().equals("minibatch")
                && d.candidateId().equals(child.id())).findFirst().orElseThrow();
        assertThat(gate.parentId()).as("gated against the best, not the seed").isEqualTo(best.id());
        assertThat(gate.accepted()).isTrue();
        assertThat(gate.childScore()).isGreaterThan(gate.parentScore());

        // the best's text with the held proposal's edit applied: every word of the best is still there, plus one
        for (Map.Entry<String, String> f : best.components().entrySet()) {
            assertThat(child.components().get(f.getKey())).startsWith(f.getValue());
        }
        assertThat(child.components()).isNotEqualTo(best.components());
        assertThat(held.recorder().eventsOfType("minibatch.evaluated")).anyMatch(e ->
                e.fields().get("role").equals("rebased_child") && e.fields().get("seq").equals(String.valueOf(held.seq())));
    }

    @Test
    void without_the_policy_the_same_stale_child_keeps_its_own_parent() {
        Held held = run(Staleness.acceptAsIs());
        Candidate child = held.registered();
        assertThat(child.parentIds()).containsExactly(held.result().seedCandidateId());
        assertThat(held.recorder().eventsOfType("minibatch.evaluated"))
                .noneMatch(e -> e.fields().get("role").equals("rebased_child"));
    }

    /**
     * Under {@code rebase}, every reflective edit that joins the frontier joins it on the best of that moment, even
     * when the frontier did not change while it was being written: here the parent selector always draws the seed,
     * so from the first acceptance on every plan starts off the best. The keyword proposer only adds words, so no
     * edit conflicts with the best (a conflicting edit would have to beat the best unmoved). Registrations are taken
     * one at a time under this policy, so the listener sees them in frontier order.
     */
    @Test
    void every_reflective_child_joins_the_frontier_on_the_best_of_its_time() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(400, rec, 5, 0);
        List<RunEvent.CandidateRegistered> registered = new java.util.concurrent.CopyOnWriteArrayList<>();
        ParentSelector alwaysTheSeed = new ParentSelector() {
            @Override
            public Candidate select(ParetoFrontier frontier, RandomGenerator random) {
                return frontier.candidates().get(0);
            }

            @Override
            public String name() {
                return "seed";
            }
        };
        LoopParts parts = LoopFixture.partsBuilder(runner, rec, new KeywordProposer(0.0), 5)
                .policies(LoopPolicies.builder().parentSelector(alwaysTheSeed).componentSelector(new AllComponents())
                        .build())
                .listeners(List.of(e -> {
                    if (e instanceof RunEvent.CandidateRegistered r) {
                        registered.add(r);
                    }
                })).build();
        LoopConfig config = LoopFixture.config().mode(Mode.OVERLAPPED).lanes(2).staleness(Staleness.rebase()).build();
        new GepaLoop(config, parts).run();

        int reflective = 0;
        Candidate best = null;
        double bestMean = -1;
        for (RunEvent.CandidateRegistered r : registered) {
            Candidate c = r.candidate();
            if (!c.parentIds().isEmpty()) {
                reflective++;
                assertThat(c.parentIds().get(0)).as("first parent of #%d, registered when #%d was the best",
                        c.index(), best.index()).isEqualTo(best.id());
            }
            if (r.trainMean() > bestMean) {
                best = c;
                bestMean = r.trainMean();
            }
        }
        assertThat(reflective).as("reflective children registered").isGreaterThan(2);
    }

    @Test
    void serial_mode_never_rebases() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(200, rec, 5, 0);
        LoopResult r = new GepaLoop(LoopFixture.config().lanes(4).staleness(Staleness.rebase()).build(),
                LoopFixture.parts(runner, rec, new KeywordProposer(0.3), 3)).run();
        assertThat(r.counts().accepted()).isPositive();
        assertThat(rec.candidates.values()).allMatch(c -> c.parentIds().size() <= 1);
        assertThat(rec.eventsOfType("minibatch.evaluated")).noneMatch(e -> e.fields().get("role").equals("rebased_child"));
    }
}
