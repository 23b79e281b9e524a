package dev.gepa4j.runtime.loop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gepa4j.core.engine.LoopResult;
import dev.gepa4j.core.model.CandidateIds;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.StrictImprovement;
import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.testkit.synthetic.RolloutTally;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The numbered invariants of issue 4, each checked against what the workspace holds and what the container counted
 * on its own side. {@code I6} and {@code I7} compare two runs and live in their tests.
 */
final class Invariants {
    private static final Set<String> OUTCOME_EVENTS = Set.of("candidate.accepted", "candidate.rejected",
            "candidate.duplicate_skipped", "proposal.failed", "iteration.failed");

    private Invariants() {
    }

    /**
     * I1: budget committed = non-cached rollouts in the workspace = executions counted by the container; and, counted
     * at the container's door before its memory of answered ids could hide a repeat, every executed rollout was
     * requested exactly once, except those in {@code mayBeAskedTwice} (in flight when a process was killed), at most
     * twice.
     */
    static void budgetEqualsContainerCalls(WorkspaceReader reader, String runId, long budgetCommitted,
                                           RolloutTally tally, Map<String, Integer> requestsById,
                                           Set<String> mayBeAskedTwice) {
        List<RolloutRecord> rollouts = reader.rollouts(runId, 0);
        long executedInWorkspace = rollouts.stream().filter(r -> !r.result().cached() && r.result().measured()).count();
        assertThat(rollouts).as("no rollout ended in a transport error").allMatch(r -> r.result().measured());
        assertThat(budgetCommitted).as("I1 budget committed vs workspace").isEqualTo(executedInWorkspace);
        assertThat(tally.executions()).as("I1 container executions vs budget").isEqualTo(budgetCommitted);
        assertThat(tally.distinctRolloutIds()).as("I1 every execution had its own rollout id")
                .isEqualTo((int) tally.executions());
        assertThat(rollouts.stream().filter(r -> !r.result().cached()).map(r -> r.result().rolloutId())
                .collect(Collectors.toSet())).as("I1 the workspace's executed ids are the container's")
                .isEqualTo(tally.byRolloutId().keySet());
        assertThat(requestsById.keySet()).as("I1 the rollout ids requested are the ones executed")
                .isEqualTo(tally.byRolloutId().keySet());
        requestsById.forEach((id, n) -> assertThat(n).as("I1 requests for rollout %s", id)
                .isBetween(1, mayBeAskedTwice.contains(id) ? 2 : 1));
    }

    /** {@link #budgetEqualsContainerCalls} for a run no process of which was killed. */
    static void budgetEqualsContainerCalls(WorkspaceReader reader, String runId, long budgetCommitted,
                                           RolloutTally tally, Map<String, Integer> requestsById) {
        budgetEqualsContainerCalls(reader, runId, budgetCommitted, tally, requestsById, Set.of());
    }

    /** I2: candidates = 1 + accepted; every parent has a lower index than its child. */
    static void candidatesAreOneMoreThanAccepted(WorkspaceReader reader, LoopResult result) {
        List<CandidateRecord> candidates = reader.candidates(result.runId());
        long accepted = reader.decisions(result.runId()).stream()
                .filter(d -> d.stage().equals("full_train") && d.accepted()).count();
        assertThat(candidates).hasSize(1 + result.counts().accepted());
        assertThat(accepted).as("I2 accepted decisions").isEqualTo(result.counts().accepted());
        Map<String, Integer> index = new HashMap<>();
        candidates.forEach(c -> index.put(c.candidate().id(), c.candidate().index()));
        for (CandidateRecord c : candidates) {
            for (String parent : c.candidate().parentIds()) {
                assertThat(index).containsKey(parent);
                assertThat(index.get(parent)).as("I2 parent of #%d", c.candidate().index())
                        .isLessThan(c.candidate().index());
            }
        }
    }

    /** I3: every minibatch decision agrees with the sums recomputed from the journaled rollouts; returns how many. */
    static int everyGateDecisionIsTrue(WorkspaceReader reader, String runId) {
        List<RolloutRecord> rollouts = reader.rollouts(runId, 0);
        Map<String, String> examplesBySeq = new HashMap<>();
        for (EventRecord e : reader.events(runId, 0)) {
            if (e.type().equals("minibatch.evaluated") && e.fields().get("role").equals("parent")) {
                examplesBySeq.put(e.fields().get("seq"), e.fields().get("examples"));
            }
        }
        StrictImprovement rule = new StrictImprovement();
        int checked = 0;
        for (DecisionRecord d : reader.decisions(runId)) {
            if (!d.stage().equals("minibatch")) {
                continue;
            }
            List<String> examples = List.of(examplesBySeq.get(String.valueOf(d.proposalSeq())).split(","));
            double parentSum = 0;
            for (String ex : examples) {
                parentSum += reward(rollouts, d.parentId(), ex).orElseThrow(() -> new AssertionError(
                        "I3 parent " + d.parentId() + " has no journaled result on " + ex));
            }
            double childSum = 0;
            int childRan = 0;
            for (String ex : examples) {
                // any stage: in overlapped mode a child equal to one another lane is evaluating is served from
                // that lane's journaled rows; a reward depends only on (payload, example), so any row tells it
                var r = reward(rollouts, d.candidateId(), ex);
                if (r.isPresent()) {
                    childSum += r.get();
                    childRan++;
                }
            }
            String what = "I3 proposal " + d.proposalSeq() + ": " + d.reason();
            assertThat(d.parentScore()).as(what).isCloseTo(parentSum, within(1e-9));
            if (d.accepted()) {
                assertThat(childRan).as(what).isEqualTo(examples.size());
                assertThat(d.childScore()).as(what).isCloseTo(childSum, within(1e-9));
                assertThat(rule.accepts(parentSum, childSum)).as(what).isTrue();
            } else {
                // an early-stopped gate saw a subset of these rows: its sum is at most the recomputed one
                assertThat(d.childScore()).as(what).isLessThanOrEqualTo(childSum + 1e-9);
                // each row the gate did not see replaces its assumed best case (1) by the real reward (<= 1),
                // so a true rejection stays a rejection here
                assertThat(rule.accepts(parentSum, childSum + (examples.size() - childRan))).as(what).isFalse();
            }
            checked++;
        }
        return checked;
    }

    /** I4: exactly one outcome per recorded proposal, and the loop's counts agree with the workspace. */
    static void oneOutcomePerProposal(WorkspaceReader reader, LoopResult result) {
        List<ProposalRecord> proposals = reader.proposals(result.runId());
        Map<String, Long> outcomes = reader.events(result.runId(), 0).stream()
                .filter(e -> OUTCOME_EVENTS.contains(e.type()))
                .collect(Collectors.groupingBy(e -> e.fields().get("seq"), TreeMap::new, Collectors.counting()));
        assertThat(outcomes.keySet()).as("I4 proposals with an outcome")
                .isEqualTo(proposals.stream().map(p -> String.valueOf(p.seq())).collect(Collectors.toSet()));
        assertThat(outcomes.values()).as("I4 one outcome each").allMatch(n -> n == 1);
        Map<Integer, Long> terminal = reader.decisions(result.runId()).stream()
                .filter(d -> !d.accepted() || d.stage().equals("full_train"))
                .collect(Collectors.groupingBy(DecisionRecord::proposalSeq, Collectors.counting()));
        for (ProposalRecord p : proposals) {
            long expected = p.error() == null ? 1 : 0;
            assertThat(terminal.getOrDefault(p.seq(), 0L)).as("I4 final decisions of proposal %d", p.seq())
                    .isEqualTo(expected);
        }
        var c = result.counts();
        assertThat(c.proposals()).isEqualTo(proposals.size());
        assertThat(c.accepted() + c.rejected() + c.duplicates() + c.proposerFailed() + c.failed())
                .as("I4 outcomes add up to proposals").isEqualTo(c.proposals());
    }

    /** I5: what the reader returns is what the loop reported. */
    static void workspaceRoundTrips(WorkspaceReader reader, LoopResult result, int trainSize) {
        List<CandidateRecord> candidates = reader.candidates(result.runId());
        assertThat(candidates.stream().map(c -> c.candidate().id()).toList()).isEqualTo(result.candidateIds());
        candidates.forEach(c -> assertThat(CandidateIds.of(c.candidate().components())).isEqualTo(c.candidate().id()));
        var run = reader.run(result.runId()).orElseThrow();
        assertThat(run.status()).isEqualTo(result.status());
        assertThat(run.stopReason()).isEqualTo(result.stopReason());
        List<RolloutRecord> rollouts = reader.rollouts(result.runId(), 0);
        assertThat(mean(rollouts, result.seedCandidateId(), Split.TRAIN, trainSize)).isCloseTo(result.seedTrainMean(), within(1e-9));
        assertThat(mean(rollouts, result.bestCandidateId(), Split.TRAIN, trainSize)).isCloseTo(result.bestTrainMean(), within(1e-9));
        if (result.bestHeldoutMean() != null) {
            long heldoutSize = rollouts.stream().filter(r -> r.stage() == Stage.HELDOUT)
                    .map(r -> r.result().example().exampleId()).distinct().count();
            assertThat(mean(rollouts, result.bestCandidateId(), Split.HELDOUT, (int) heldoutSize))
                    .isCloseTo(result.bestHeldoutMean(), within(1e-9));
        }
        EventRecord stopped = reader.events(result.runId(), 0).stream().filter(e -> e.type().equals("run.stopped"))
                .reduce((a, b) -> b).orElseThrow();
        assertThat(stopped.fields().get("best")).isEqualTo(result.bestCandidateId());
    }

    /** A candidate's mean over the distinct examples of a split it has measured results on (null if not all). */
    static Double mean(List<RolloutRecord> rollouts, String candidateId, Split split, int size) {
        Map<String, Double> byExample = new TreeMap<>();
        rollouts.stream().map(RolloutRecord::result).filter(r -> r.candidateId().equals(candidateId) && r.measured()
                && r.example().split() == split).forEach(r -> byExample.put(r.example().exampleId(), r.reward()));
        if (byExample.size() != size) {
            return null;
        }
        return byExample.values().stream().mapToDouble(Double::doubleValue).sum() / size;
    }

    private static java.util.Optional<Double> reward(List<RolloutRecord> rollouts, String candidateId, String example) {
        return rollouts.stream().filter(r -> r.result().candidateId().equals(candidateId)
                        && r.result().example().exampleId().equals(example) && r.result().measured())
                .map(RolloutRecord::result).map(RolloutResult::reward).findFirst();
    }
}
