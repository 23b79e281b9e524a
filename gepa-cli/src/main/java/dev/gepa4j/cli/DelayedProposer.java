package dev.gepa4j.cli;

import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import java.time.Duration;

/**
 * A benchmark aid: another proposer that takes {@code delay} longer per call, standing in for a model's latency
 * (about 2 s for an LLM call) while keeping the proposals of the wrapped, offline proposer. Used by
 * {@code gepa demo --proposer-delay-ms} to compare serial and overlapped mode where overlap matters.
 */
final class DelayedProposer implements Proposer {
    private final Proposer inner;
    private final Duration delay;

    DelayedProposer(Proposer inner, Duration delay) {
        this.inner = inner;
        this.delay = delay;
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        try {
            Thread.sleep(delay);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while standing in for the proposer's latency", e);
        }
        return inner.propose(packet);
    }
}
