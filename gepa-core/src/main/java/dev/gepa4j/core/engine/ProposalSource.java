package dev.gepa4j.core.engine;

import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.UsageEntry;
import java.util.List;
import java.util.Optional;

/**
 * Gets the answer to proposal {@code seq}: the one recorded in the workspace when there is one (a resumed run replays
 * it, so the run continues exactly as it went), otherwise a fresh proposer call, recorded before it is used.
 *
 * <p>Usage is written to the ledger before the proposal record: a crash in between makes the resumed run call the
 * proposer again and both calls are in the ledger, which is what was really spent.
 */
final class ProposalSource {
    private final RunRecorder recorder;

    ProposalSource(RunRecorder recorder) {
        this.recorder = recorder;
    }

    record Obtained(ProposalOutcome outcome, String proposerKind, boolean replayed) {
    }

    /** True when proposal {@code seq} is already in the workspace. */
    boolean recorded(int seq) {
        return recorder.proposal(seq).isPresent();
    }

    Obtained obtain(int seq, Proposer proposer, ProposalPacket packet, List<String> parentIds) {
        Optional<ProposalRecord> earlier = recorder.proposal(seq);
        if (earlier.isPresent()) {
            ProposalRecord r = earlier.get();
            return new Obtained(new ProposalOutcome(r.drafts(), r.input(), r.rawOutput(), r.usage(), r.error()),
                    r.proposer(), true);
        }
        ProposalOutcome out = proposer.propose(packet);
        recorder.recordUsage(new UsageEntry("proposer", proposer.kind(), "proposal:" + seq, out.usage()));
        recorder.recordProposal(new ProposalRecord(seq, proposer.kind(), parentIds, out.input(), out.rawOutput(),
                out.drafts(), out.usage(), out.error()));
        return new Obtained(out, proposer.kind(), false);
    }
}
