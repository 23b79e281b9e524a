package dev.gepa4j.core.propose;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeProposerTest {
    private static ProposalPacket packet(Candidate a, Candidate b, Candidate anc, double ma, double mb) {
        return new ProposalPacket(1, a, List.of("a", "b", "c"), List.of("a", "b", "c"), List.of(), List.of(), Map.of(),
                ma, ma, "", "", "", List.of(), 1, 0, new MergeContext(b, anc, ma, mb));
    }

    private final Candidate anc = Candidate.of(0, Map.of("a", "A0", "b", "B0", "c", "C0"), List.of(), "seed");

    @Test
    void the_child_takes_the_side_that_changed_each_field() {
        Candidate x = Candidate.of(1, Map.of("a", "A1", "b", "B0", "c", "C0"), List.of(anc.id()), "m");
        Candidate y = Candidate.of(2, Map.of("a", "A0", "b", "B2", "c", "C0"), List.of(anc.id()), "m");
        ProposalOutcome out = new MergeProposer().propose(packet(x, y, anc, 0.4, 0.6));
        assertThat(out.error()).isNull();
        assertThat(out.drafts()).containsExactly(Map.of("a", "A1", "b", "B2", "c", "C0"));
    }

    @Test
    void when_both_changed_a_field_the_better_parent_wins_and_a_tie_goes_to_the_first() {
        Candidate x = Candidate.of(1, Map.of("a", "A1", "b", "Bx", "c", "C0"), List.of(anc.id()), "m");
        Candidate y = Candidate.of(2, Map.of("a", "A0", "b", "By", "c", "C2"), List.of(anc.id()), "m");
        assertThat(new MergeProposer().propose(packet(x, y, anc, 0.4, 0.6)).drafts().get(0)).containsEntry("b", "By");
        assertThat(new MergeProposer().propose(packet(x, y, anc, 0.5, 0.5)).drafts().get(0)).containsEntry("b", "Bx");
    }

    @Test
    void when_both_appended_to_a_field_the_child_keeps_both_appends_the_better_parents_first() {
        Candidate x = Candidate.of(1, Map.of("a", "A0 cite", "b", "B0", "c", "C0"), List.of(anc.id()), "m");
        Candidate y = Candidate.of(2, Map.of("a", "A0 verify", "b", "B0", "c", "C0"), List.of(anc.id()), "m");
        ProposalOutcome out = new MergeProposer().propose(packet(x, y, anc, 0.4, 0.6));
        assertThat(out.drafts()).containsExactly(Map.of("a", "A0 verify cite", "b", "B0", "c", "C0"));
        assertThat(out.input()).contains("three-way merge");
    }

    @Test
    void a_merge_that_reproduces_a_parent_or_lacks_a_context_is_rejected_with_the_reason() {
        Candidate x = Candidate.of(1, Map.of("a", "A1", "b", "B0", "c", "C0"), List.of(anc.id()), "m");
        Candidate y = Candidate.of(2, Map.of("a", "A1", "b", "B0", "c", "C0"), List.of(anc.id()), "m");
        assertThat(new MergeProposer().propose(packet(x, y, anc, 0.4, 0.6)).error()).contains("reproduces a parent");
        ProposalPacket noMerge = new ProposalPacket(1, x, List.of("a"), List.of("a", "b", "c"), List.of(), List.of(),
                Map.of(), 0, null, "", "", "", List.of(), 1, 0, null);
        assertThat(new MergeProposer().propose(noMerge).error()).contains("without a merge context");
    }
}
