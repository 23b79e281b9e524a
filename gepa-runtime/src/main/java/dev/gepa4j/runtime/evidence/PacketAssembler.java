package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.ProposalRecord;
import java.util.List;

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
                        .toList()), best.train(), best.heldout(), best.mini(), best.parents(), summary.bestDiff());
        var lift = new EvidencePacket.Lift(
                RunMetrics.difference(best == null ? null : best.train(), seed == null ? null : seed.train()),
                RunMetrics.difference(best == null ? null : best.heldout(), seed == null ? null : seed.heldout()));
        var rows = summary.candidates().stream().map(c -> new EvidencePacket.CandidateRow(c.candidateId(), c.index(),
                c.parents(), c.origin(), c.role(), c.mini(), c.train(), c.heldout(), c.newSeeds(), c.wins())).toList();
        var usage = new EvidencePacket.UsageTotals(tokens(summary.policyUsage()), tokens(summary.proposerUsage()),
                summary.policyUsage().costUsd() + summary.proposerUsage().costUsd());
        return new EvidencePacket(EvidencePacket.SCHEMA, summary.runId(), summary.task(), summary.status(),
                ConfigTables.scalars(data.run().specJson(), "policy"), proposer,
                new EvidencePacket.Splits(summary.trainExamples(), summary.heldoutExamples()),
                seed == null ? null : new EvidencePacket.SeedScores(seed.candidateId(), seed.train(), seed.heldout()),
                bestBlock, lift, new EvidencePacket.Frontier(summary.frontier().covered(), summary.frontier().total(),
                summary.frontier().members()), rows, summary.rollouts(), usage, summary.stopReason(),
                summary.durationS(), TraceSelection.of(data, summary.seedId(), summary.bestId()),
                UnmeasuredExamples.of(data.rollouts()));
    }

    private static EvidencePacket.Tokens tokens(Usage u) {
        return new EvidencePacket.Tokens(u.promptTokens(), u.completionTokens(), u.totalTokens(), u.costUsd());
    }
}
