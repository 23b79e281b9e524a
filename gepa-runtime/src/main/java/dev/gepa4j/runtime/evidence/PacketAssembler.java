package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.ProposalRecord;
import java.util.List;
import java.util.TreeMap;

/** Builds the {@link EvidencePacket} from a run's records and the summary derived from them. */
final class PacketAssembler {
    private PacketAssembler() {
    }

    static EvidencePacket assemble(RunData data, RunSummary summary) {
        CandidateScore seed = summary.seed().orElse(null);
        CandidateScore best = summary.best().orElse(null);
        List<ProposalRecord> proposals = data.proposals();
        int failed = (int) proposals.stream().filter(p -> p.error() != null).count();
        boolean allRejected = !proposals.isEmpty() && failed == proposals.size();
        var proposer = new EvidencePacket.ProposerInfo(ConfigTables.scalars(data.run().specJson(), "proposer"),
                proposals.stream().map(ProposalRecord::proposer).distinct().sorted().toList(), proposals.size(),
                failed, allRejected, allRejected ? proposals.getFirst().error() : null);
        var bestBlock = best == null ? null : new EvidencePacket.BestCandidate(best.candidateId(),
                summary.bestComponents(), BestFileNames.forFields(summary.bestComponents().keySet().stream().sorted()
                        .toList()), best.train(), best.heldout(), best.mini(), best.parents(), summary.bestDiff(),
                summary.bestDiffs());
        TestSummary test = summary.test();
        var lift = new EvidencePacket.Lift(
                RunMetrics.difference(best == null ? null : best.train(), seed == null ? null : seed.train()),
                RunMetrics.difference(best == null ? null : best.heldout(), seed == null ? null : seed.heldout()),
                test == null ? EvidencePacket.Lift.NO_TEST : EvidencePacket.Lift.SEE_TEST);
        var rows = summary.candidates().stream().map(c -> new EvidencePacket.CandidateRow(c.candidateId(), c.index(),
                c.parents(), c.origin(), c.role(), c.mini(), c.train(), c.heldout(), c.newSeeds(), c.wins(),
                c.changedFields())).toList();
        var usage = new EvidencePacket.UsageTotals(tokens(summary.policyUsage()), tokens(summary.proposerUsage()),
                summary.policyUsage().costUsd() + summary.proposerUsage().costUsd());
        return new EvidencePacket(EvidencePacket.SCHEMA, summary.runId(), summary.task(), summary.status(),
                ConfigTables.scalars(data.run().specJson(), "policy"), proposer,
                new EvidencePacket.Splits(summary.trainExamples(), summary.paretoExamples(),
                        summary.heldoutExamples(), test == null ? 0 : test.rows(), summary.frontierSplit()),
                seed == null ? null : new EvidencePacket.SeedScores(seed.candidateId(), seed.train(), seed.heldout()),
                bestBlock, lift, testBlock(test), overfitGap(summary, test),
                new EvidencePacket.Frontier(summary.frontier().covered(), summary.frontier().total(),
                        summary.frontier().members()), rows, summary.rollouts(), usage, summary.stopReason(),
                summary.durationS(), TraceSelection.of(data, summary.seedId(), summary.bestId()),
                UnmeasuredExamples.of(data.rollouts()), new TreeMap<>(data.cachedFrom()));
    }

    private static EvidencePacket.Test testBlock(TestSummary t) {
        if (t == null || t.comparison() == null) {
            return null;
        }
        var c = t.comparison();
        return new EvidencePacket.Test(c.n(), t.rows(), t.seedCandidateId(), t.bestCandidateId(), c.seedMean(),
                c.bestMean(), c.lift(), List.of(c.ciLow(), c.ciHigh()), c.pValue(), c.method(), c.ciMethod(),
                c.bestOnly(), c.seedOnly(), c.resamples(), c.randomSeed());
    }

    /** Each candidate's train (frontier) score minus its test score; null without a test split. */
    private static EvidencePacket.OverfitGap overfitGap(RunSummary summary, TestSummary t) {
        if (t == null) {
            return null;
        }
        Double bestTrain = summary.candidate(t.bestCandidateId()).map(CandidateScore::train).orElse(null);
        Double seedTrain = summary.candidate(t.seedCandidateId()).map(CandidateScore::train).orElse(null);
        return new EvidencePacket.OverfitGap(RunMetrics.difference(bestTrain, t.bestTest()),
                RunMetrics.difference(seedTrain, t.seedTest()), summary.frontierSplit());
    }

    private static EvidencePacket.Tokens tokens(Usage u) {
        return new EvidencePacket.Tokens(u.promptTokens(), u.completionTokens(), u.totalTokens(), u.costUsd());
    }
}
