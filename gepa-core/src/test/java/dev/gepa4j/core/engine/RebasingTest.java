package dev.gepa4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.strategy.AllComponents;
import dev.gepa4j.core.workspace.DecisionRecord;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The rebase staleness policy on the keyword task: the first proposal is held until another lane's child has joined
 * the frontier, so it comes back stale. Under {@code rebase} its edit lands on the new best and is gated against
 * it; under {@code accept} the same proposal keeps its own parent.
 */
class RebasingTest {

    /** Holds its first call until a candidate has been accepted, then answers as the keyword proposer would. */
    private static final class FirstCallWaits implements Proposer {
        final KeywordProposer inner = new KeywordProposer(0.0);
        final CountDownLatch accepted = new CountDownLatch(1);
        final AtomicInteger heldSeq = new AtomicInteger(-1);
        final AtomicInteger heldParentIndex = new AtomicInteger(-1);

        @Override
        public String kind() {
            return inner.kind();
        }

        @Override
        public ProposalOutcome propose(ProposalPacket packet) {
            if (heldSeq.compareAndSet(-1, packet.seq())) {
                heldParentIndex.set(packet.parent().index());
                try {
                    if (!accepted.await(20, TimeUnit.SECONDS)) {
                        throw new AssertionError("no other lane got a child accepted within 20 s");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
            return inner.propose(packet);
        }
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
        assertThat(proposer.heldParentIndex.get()).as("the held proposal was planned on the seed").isZero();
        return new Held(rec, proposer.heldSeq.get(), r);
    }

    @Test
    void a_stale_child_is_moved_onto_the_best_and_gated_against_it() {
        Held held = run(Staleness.rebase());
        Candidate child = held.registered();
        String seedId = held.result().seedCandidateId();
        assertThat(child.parentIds()).as("moved child: the best it landed on, then the parent reflected on")
                .hasSize(2).endsWith(seedId);
        Candidate best = held.recorder().candidates.get(child.parentIds().get(0));
        assertThat(best.index()).isPositive().isLessThan(child.index());
        assertThat(child.origin()).isEqualTo("mutation:keyword");

        DecisionRecord gate = held.decisions().stream().filter(d -> d.stage().equals("minibatch")).findFirst()
                .orElseThrow();
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
