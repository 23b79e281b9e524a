package dev.gepa4j.runtime.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.core.secret.Secrets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GuardedProposerTest {
    private static final String KEY = "sk-guard-canary-4242";
    private static final Secrets SECRETS = Secrets.of(Map.of("OPENAI_API_KEY", KEY));

    private static ProposalPacket packetQuoting(String text) {
        Candidate parent = Candidate.of(0, Map.of("a", "A text", "b", "B text"), List.of(), "seed");
        var failure = new FailureCase("train:1", "input " + text, "output " + text, 0.0,
                new VerifierResult(false, 0.0, "feedback " + text), "trace " + text);
        return new ProposalPacket(1, parent, List.of("a"), List.of("a", "b"), List.of(failure), List.of(), Map.of(),
                0.0, null, "frontier", "task " + text, "hints " + text, List.of(), 2, 1L, null);
    }

    /** A test proposer that records what it was shown and returns fixed drafts. */
    private static final class Fixed implements Proposer {
        final List<ProposalPacket> seen = new ArrayList<>();
        final List<Map<String, String>> drafts;

        Fixed(List<Map<String, String>> drafts) {
            this.drafts = drafts;
        }

        @Override
        public String kind() {
            return "fixed";
        }

        @Override
        public ProposalOutcome propose(ProposalPacket packet) {
            seen.add(packet);
            return new ProposalOutcome(drafts, "input " + KEY, "raw " + KEY, Usage.ZERO, null);
        }
    }

    @Test
    void whatTheContainerSaidIsScrubbedBeforeTheProposerSeesIt() {
        var inner = new Fixed(List.of(Map.of("a", "new A", "b", "B text")));

        new GuardedProposer(inner, 64 * 1024, SECRETS).propose(packetQuoting(KEY));

        String shown = inner.seen.getFirst().toString();
        assertThat(shown).doesNotContain(KEY).contains("[secret OPENAI_API_KEY removed]");
    }

    @Test
    void oversizedAndKeyCarryingDraftsAreDroppedTheOthersKept() {
        var inner = new Fixed(List.of(Map.of("a", "x".repeat(2048), "b", "B text"),
                Map.of("a", "uses " + KEY, "b", "B text"), Map.of("a", "fine", "b", "B text")));

        ProposalOutcome out = new GuardedProposer(inner, 1024, SECRETS).propose(packetQuoting("nothing secret"));

        assertThat(out.drafts()).containsExactly(Map.of("a", "fine", "b", "B text"));
        assertThat(out.error()).isNull();
        assertThat(out.input()).isEqualTo("input [secret OPENAI_API_KEY removed]");
        assertThat(out.rawOutput()).isEqualTo("raw [secret OPENAI_API_KEY removed]");
    }

    @Test
    void whenEveryDraftIsDroppedTheProposalIsRejectedWithEachReason() {
        var inner = new Fixed(List.of(Map.of("a", "x".repeat(3000), "b", "B text"),
                Map.of("a", "uses " + KEY, "b", "B text")));

        ProposalOutcome out = new GuardedProposer(inner, 1024, SECRETS).propose(packetQuoting(""));

        assertThat(out.drafts()).isEmpty();
        assertThat(out.error()).isEqualTo("proposal 1: field 'a' is 3 KB, over max_field_kb = 1; shorten it or raise "
                + "max_field_kb in [proposer]; proposal 2: field 'a' contains the value of OPENAI_API_KEY; a key never "
                + "goes into a prompt (the draft was dropped, the value removed from the record)");
    }

    @Test
    void anUnavailableProposersMessageIsScrubbed() {
        Proposer failing = new Proposer() {
            @Override
            public String kind() {
                return "failing";
            }

            @Override
            public ProposalOutcome propose(ProposalPacket packet) {
                throw new ProposerUnavailableException("endpoint said: bad key " + KEY, false, null);
            }
        };

        assertThatThrownBy(() -> new GuardedProposer(failing, 1024, SECRETS).propose(packetQuoting("")))
                .isInstanceOf(ProposerUnavailableException.class).hasMessageNotContaining(KEY)
                .hasMessageContaining("[secret OPENAI_API_KEY removed]");
    }
}
