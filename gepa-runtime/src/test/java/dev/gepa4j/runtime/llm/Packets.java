package dev.gepa4j.runtime.llm;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.RejectedAttempt;
import java.util.List;
import java.util.Map;

/** Proposal packets for the proposer tests. */
final class Packets {
    static final String PARENT_TEXT = "Classify the customer's banking question into one intent label.";

    private Packets() {
    }

    static ProposalPacket packet(int wanted, List<RejectedAttempt> rejected) {
        Candidate parent = Candidate.of(0, Map.of("instruction", PARENT_TEXT), List.of(), "seed");
        FailureCase failure = new FailureCase("train:7", "My card still hasn't arrived after two weeks",
                "lost_or_stolen_card", 0.0, new VerifierResult(false, 0.0, "expected card_arrival"),
                "policy answered lost_or_stolen_card");
        return new ProposalPacket(3, parent, List.of("instruction"), List.of("instruction"), List.of(failure),
                List.of(), Map.of(), 0.4, null, "2 members, coverage 3/8", "Banking77 intent classification",
                "Label names are snake_case.", rejected, wanted, 42L, null);
    }

    static ProposalPacket packet() {
        return packet(1, List.of());
    }
}
