package dev.gepa4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.MergeProposer;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.AllComponents;
import dev.gepa4j.core.strategy.StrictImprovement;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.RunStatus;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class GepaLoopTest {

    record Run(LoopResult result, InMemoryRecorder recorder, FakeRunner runner, KeywordProposer proposer) {
    }

    private static Run serial(long seed, long budget) {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(budget, rec, 5, 0);
        KeywordProposer proposer = new KeywordProposer(0.3);
        LoopResult r = new GepaLoop(LoopFixture.serial(), LoopFixture.parts(runner, rec, proposer, seed)).run();
        return new Run(r, rec, runner, proposer);
    }

    @Test
    void a_serial_run_improves_on_the_seed_and_picks_the_best_on_heldout() {
        Run run = serial(1, 200);
        assertThat(run.result().bestTrainMean()).isGreaterThan(run.result().seedTrainMean());
        assertThat(run.result().bestHeldoutMean()).isNotNull();
        assertThat(run.result().stopReason()).isIn("rollout budget", GepaLoop.SOLVED);
        assertThat(run.recorder().status).isEqualTo(RunStatus.FINISHED);
    }

    @Test
    void the_same_seed_gives_the_same_serial_run() {
        Run a = serial(42, 160);
        Run b = serial(42, 160);
        assertThat(b.result().candidateIds()).isEqualTo(a.result().candidateIds());
        assertThat(b.result().bestCandidateId()).isEqualTo(a.result().bestCandidateId());
        assertThat(decisions(b.recorder())).isEqualTo(decisions(a.recorder()));
        assertThat(b.recorder().journal.stream().map(j -> j.key() + j.result().reward()).toList())
                .isEqualTo(a.recorder().journal.stream().map(j -> j.key() + j.result().reward()).toList());
        Run other = serial(43, 160);
        assertThat(decisions(other.recorder())).isNotEqualTo(decisions(a.recorder()));
    }

    @Test
    void candidates_are_one_more_than_accepted_proposals_and_parents_are_older() {
        Run run = serial(3, 200);
        assertThat(run.result().candidateIds()).hasSize(1 + run.result().counts().accepted());
        Map<String, Integer> index = new TreeMap<>();
        run.recorder().candidates.values().forEach(c -> index.put(c.id(), c.index()));
        for (Candidate c : run.recorder().candidates.values()) {
            c.parentIds().forEach(p -> assertThat(index.get(p)).isLessThan(c.index()));
        }
        assertThat(run.result().counts().accepted()).isPositive();
    }

    @Test
    void every_proposal_has_exactly_one_outcome_event() {
        Run run = serial(5, 200);
        Set<String> outcomeTypes = Set.of("candidate.accepted", "candidate.rejected", "candidate.duplicate_skipped",
                "proposal.failed", "iteration.failed");
        Map<String, Long> perSeq = run.recorder().events.values().stream().filter(e -> outcomeTypes.contains(e.type()))
                .collect(Collectors.groupingBy(e -> e.fields().get("seq"), Collectors.counting()));
        assertThat(perSeq.keySet()).isEqualTo(run.recorder().proposals.keySet().stream().map(String::valueOf)
                .collect(Collectors.toSet()));
        assertThat(perSeq.values()).allMatch(n -> n == 1);
        assertThat(perSeq).hasSize(run.result().counts().proposals());
    }

    @Test
    void the_budget_is_never_exceeded_and_the_heldout_reserve_is_left_for_heldout() {
        Run run = serial(9, 137);
        assertThat(run.runner().containerCalls.get()).isLessThanOrEqualTo(137);
        long heldoutReserve = LoopFixture.serial().heldoutReserve(5);
        long trainCalls = run.recorder().journal.stream()
                .filter(j -> !j.result().cached() && j.stage() != Stage.HELDOUT).count();
        assertThat(trainCalls).isLessThanOrEqualTo(137 - heldoutReserve);
        assertThat(run.runner().containerCalls.get()).isEqualTo(run.result().counts().rolloutsExecuted());
    }

    @Test
    void every_gate_rejection_reason_is_true_when_recomputed_from_the_journal() {
        Run run = serial(11, 300);
        StrictImprovement rule = new StrictImprovement();
        List<EventRecord> rejections = run.recorder().eventsOfType("candidate.rejected").stream()
                .filter(e -> e.fields().get("stage").equals("minibatch")).toList();
        assertThat(rejections).isNotEmpty();
        for (EventRecord e : rejections) {
            String seq = e.fields().get("seq");
            EventRecord parentEval = run.recorder().eventsOfType("minibatch.evaluated").stream()
                    .filter(m -> m.fields().get("seq").equals(seq) && m.fields().get("role").equals("parent"))
                    .findFirst().orElseThrow();
            List<String> examples = List.of(parentEval.fields().get("examples").split(","));
            double parentSum = rewardSum(run.recorder(), e.fields().get("parent"), examples, null);
            double childSum = rewardSum(run.recorder(), e.fields().get("candidate"), examples, Stage.CHILD_MINIBATCH);
            long childRan = run.recorder().journal.stream().filter(j -> j.stage() == Stage.CHILD_MINIBATCH
                    && j.result().candidateId().equals(e.fields().get("candidate"))).count();
            assertThat(rule.accepts(parentSum, childSum + (examples.size() - childRan)))
                    .as("rejection of proposal %s: %s", seq, e.fields().get("reason")).isFalse();
        }
    }

    @Test
    void a_run_stopped_after_k_proposals_and_resumed_ends_like_the_uninterrupted_run() {
        Run whole = serial(21, 220);
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner first = new FakeRunner(220, rec, 5, 0);
        StopHandle handle = new StopHandle();
        RunListener stopAfterFour = ev -> {
            if (ev instanceof RunEvent.ProposalRecorded p && p.seq() == 4) {
                handle.request("test pause");
            }
        };
        LoopResult paused = new GepaLoop(LoopFixture.serial(), LoopFixture.partsBuilder(first, rec, new KeywordProposer(0.3), 21)
                .listeners(List.of(stopAfterFour)).stopHandle(handle).build()).run();
        assertThat(paused.status()).isEqualTo(RunStatus.STOPPED);
        assertThat(paused.counts().proposals()).isEqualTo(4);

        FakeRunner second = new FakeRunner(220, rec, 5, 0);
        KeywordProposer fresh = new KeywordProposer(0.3);
        LoopResult resumed = new GepaLoop(LoopFixture.serial(), LoopFixture.parts(second, rec, fresh, 21)).run();

        assertThat(resumed.candidateIds()).isEqualTo(whole.result().candidateIds());
        assertThat(resumed.bestCandidateId()).isEqualTo(whole.result().bestCandidateId());
        assertThat(resumed.bestHeldoutMean()).isEqualTo(whole.result().bestHeldoutMean());
        assertThat(first.containerCalls.get() + second.containerCalls.get()).isEqualTo(whole.runner().containerCalls.get());
        assertThat(fresh.calls.get()).isEqualTo(whole.proposer().calls.get() - 4);
        List<String> executedKeys = rec.journal.stream().filter(j -> !j.result().cached()).map(j -> j.key()).toList();
        assertThat(new HashSet<>(executedKeys)).hasSize(executedKeys.size());
    }

    @Test
    void a_draft_identical_to_a_registered_candidate_is_skipped_at_no_cost() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(60, rec, 5, 0);
        Proposer echoSeed = new Proposer() {
            public String kind() { return "echo"; }
            public ProposalOutcome propose(ProposalPacket p) {
                return new ProposalOutcome(List.of(LoopFixture.PROGRAM.seedCandidate()), "", "", null, null);
            }
        };
        LoopResult r = new GepaLoop(LoopFixture.serial(), LoopFixture.parts(runner, rec, echoSeed, 1)).run();
        assertThat(r.counts().duplicates()).isEqualTo(r.counts().proposals()).isPositive();
        assertThat(r.stopReason()).startsWith("stalled");
        long trainCalls = rec.journal.stream().filter(j -> !j.result().cached() && j.stage() != Stage.HELDOUT).count();
        assertThat(trainCalls).as("only the seed ran on train").isEqualTo(10);
        assertThat(rec.decisions.values()).allMatch(d -> d.stage().equals("duplicate") && !d.accepted());
    }

    @Test
    void a_proposer_that_fails_before_anything_new_is_measured_fails_the_run_with_the_cause() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(100, rec, 5, 0);
        Proposer down = new Proposer() {
            public String kind() { return "down"; }
            public ProposalOutcome propose(ProposalPacket p) {
                throw new ProposerUnavailableException("endpoint refused the connection", true, null);
            }
        };
        assertThatThrownBy(() -> new GepaLoop(LoopFixture.serial(), LoopFixture.parts(runner, rec, down, 1)).run())
                .isInstanceOf(LoopFailedException.class).hasMessageContaining("endpoint refused the connection");
        assertThat(rec.status).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void a_listener_that_throws_does_not_change_the_run() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(160, rec, 5, 0);
        RunListener broken = ev -> {
            throw new IllegalStateException("listener bug");
        };
        LoopResult r = new GepaLoop(LoopFixture.serial(), LoopFixture.partsBuilder(runner, rec, new KeywordProposer(0.3), 42)
                .listeners(List.of(broken)).build()).run();
        assertThat(r.candidateIds()).isEqualTo(serial(42, 160).result().candidateIds());
    }

    @Test
    void a_budget_that_cannot_cover_the_seed_and_heldout_is_refused_with_the_minimum() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(20, rec, 5, 0);
        assertThatThrownBy(() -> new GepaLoop(LoopFixture.serial(), LoopFixture.parts(runner, rec, new KeywordProposer(0), 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rollout budget 20")
                .hasMessageContaining("raise it to at least");
    }

    @Test
    void round_robin_asks_for_one_field_at_a_time_and_all_asks_for_every_field() {
        Run run = serial(2, 200);
        assertThat(run.proposer().fieldsAsked).allMatch(f -> f.size() == 1);
        assertThat(run.proposer().fieldsAsked.stream().map(f -> f.get(0)).distinct()).hasSize(2);

        InMemoryRecorder rec = new InMemoryRecorder();
        KeywordProposer p = new KeywordProposer(0);
        new GepaLoop(LoopFixture.serial(), LoopFixture.partsBuilder(new FakeRunner(120, rec, 5, 0), rec, p, 2)
                .policies(LoopPolicies.builder().componentSelector(new AllComponents()).build()).build()).run();
        assertThat(p.fieldsAsked).allMatch(f -> f.equals(List.of("format", "instructions")));
    }

    /**
     * Merges need two frontier candidates that share an ancestor and descend not from each other. A chain of
     * children, each from the last best, never gives one (each dominates its parent), so here every proposal starts
     * from the seed: each accepted child adds one keyword to one field and holds the best reward on its own example,
     * and any child that changed {@code instructions} and one that changed {@code format} merge without conflict.
     */
    @ParameterizedTest(name = "merge children {0}")
    @ValueSource(strings = {"kept", "refused"})
    void merges_happen_up_to_the_cap_and_never_repeat_a_pair(String children) {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(600, rec, 5, 0);
        // a refused merge leaves its pair on the frontier, so only the loop's memory of tried pairs stops a repeat
        Proposer merger = children.equals("kept") ? new MergeProposer() : new Proposer() {
            public String kind() { return "merge"; }
            public ProposalOutcome propose(ProposalPacket p) {
                return ProposalOutcome.rejected("", "", Usage.ZERO, "this test refuses every merge");
            }
        };
        LoopParts parts = LoopFixture.partsBuilder(runner, rec, new KeywordProposer(0), 8).mergeProposer(merger)
                .policies(LoopPolicies.builder().parentSelector(new SeedParent()).build()).build();
        LoopResult r = new GepaLoop(LoopFixture.config().merge(MergeSettings.on(3)).build(), parts).run();

        List<EventRecord> merges = rec.eventsOfType("merge.attempted");
        assertThat(merges).as("merge attempts").hasSize(3);
        assertThat(r.counts().mergeAttempts()).isEqualTo(3);
        Set<String> pairs = new HashSet<>();
        merges.forEach(m -> assertThat(pairs.add(m.fields().get("parent_a") + " " + m.fields().get("parent_b")))
                .as("pair %s %s tried once", m.fields().get("parent_a"), m.fields().get("parent_b")).isTrue());
        assertThat(rec.proposals.values().stream().filter(p -> p.proposer().equals("merge")).count()).isEqualTo(3);
        // the cap, not a lack of pairs, ended the merging: more complementary pairs were there to try
        Candidate seed = rec.candidates.values().stream().filter(c -> c.index() == 0).findFirst().orElseThrow();
        List<Candidate> reflective = rec.candidates.values().stream()
                .filter(c -> c.parentIds().equals(List.of(seed.id()))).toList();
        long instructionsOnly = reflective.stream().filter(c -> changedOnly(seed, c, "instructions")).count();
        long formatOnly = reflective.stream().filter(c -> changedOnly(seed, c, "format")).count();
        assertThat(instructionsOnly * formatOnly).as("complementary pairs of children of the seed").isGreaterThan(3);
    }

    private static boolean changedOnly(Candidate seed, Candidate c, String field) {
        return c.components().entrySet().stream()
                .allMatch(e -> e.getKey().equals(field) != e.getValue().equals(seed.components().get(e.getKey())));
    }

    /** Always starts from the seed (index 0), so children are siblings. */
    private static final class SeedParent implements dev.gepa4j.core.strategy.ParentSelector {
        @Override
        public Candidate select(dev.gepa4j.core.frontier.ParetoFrontier frontier, java.util.random.RandomGenerator random) {
            return frontier.candidates().stream().filter(c -> c.index() == 0).findFirst().orElseThrow();
        }

        @Override
        public String name() {
            return "seed";
        }
    }

    @Test
    void overlapped_lanes_keep_the_invariants() {
        InMemoryRecorder rec = new InMemoryRecorder();
        FakeRunner runner = new FakeRunner(250, rec, 5, 2);
        LoopResult r = new GepaLoop(LoopFixture.config().mode(Mode.OVERLAPPED).lanes(4)
                        .staleness(Staleness.recheck()).build(),
                LoopFixture.parts(runner, rec, new KeywordProposer(0.3), 4)).run();
        assertThat(r.candidateIds()).hasSize(1 + r.counts().accepted());
        assertThat(runner.containerCalls.get()).isLessThanOrEqualTo(250);
        long trainCalls = rec.journal.stream().filter(j -> !j.result().cached() && j.stage() != Stage.HELDOUT).count();
        assertThat(trainCalls).isLessThanOrEqualTo(250 - LoopFixture.serial().heldoutReserve(5));
        assertThat(rec.proposals.keySet()).hasSize(r.counts().proposals());
        assertThat(r.bestTrainMean()).isGreaterThan(r.seedTrainMean());
    }

    private static List<String> decisions(InMemoryRecorder rec) {
        List<String> out = new ArrayList<>();
        for (DecisionRecord d : rec.decisions.values()) {
            out.add(d.proposalSeq() + " " + d.candidateId() + " " + d.stage() + " " + d.accepted() + " " + d.reason());
        }
        return out;
    }

    private static double rewardSum(InMemoryRecorder rec, String candidateId, List<String> examples, Stage stage) {
        double sum = 0;
        for (String ex : examples) {
            sum += rec.journal.stream().filter(j -> j.result().candidateId().equals(candidateId)
                            && j.result().example().exampleId().equals(ex) && (stage == null || j.stage() == stage))
                    .map(j -> j.result().reward()).findFirst().orElse(0.0);
        }
        return sum;
    }
}
