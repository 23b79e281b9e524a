package dev.gepa4j.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.runtime.usage.Price;
import dev.gepa4j.runtime.usage.PriceTable;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReflectiveLlmProposerTest {
    private static final String KEY = "sk-test-DO-NOT-LEAK-4711";
    private static final String IMPROVED = "Classify the banking question into one intent label.\n"
            + "A card that has not arrived yet is card_arrival, not lost_or_stolen_card.";
    private OpenAiCompatibleTestServer server;

    @BeforeEach
    void startServer() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ReflectiveLlmProposer proposer(EditMode mode, int perCall, int retries) {
        var settings = LlmProposerSettings.of("openai", "gpt-4.1-mini", server.baseUrl(), "GEPA_TEST_KEY", 0.7, 1024,
                10, retries, mode.name(), 3, perCall, Map.of(), null)
                .withRetryDelays(Duration.ofMillis(10), Duration.ofSeconds(2));
        return new ReflectiveLlmProposer(settings, PriceTable.defaults(), Map.of("GEPA_TEST_KEY", KEY)::get);
    }

    private ReflectiveLlmProposer proposer() {
        return proposer(EditMode.REWRITE, 1, 2);
    }

    @Test
    void aGoodFencedAnswerBecomesAFullDraftWithUsageAndCost() {
        server.enqueue(ScriptedReply.answer("Here it is.\n\nPROPOSAL 1\n```text\n" + IMPROVED + "\n```\n", 1000, 200));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.error()).isNull();
        assertThat(outcome.drafts()).containsExactly(Map.of("instruction", IMPROVED));
        assertThat(outcome.usage().promptTokens()).isEqualTo(1000);
        assertThat(outcome.usage().completionTokens()).isEqualTo(200);
        assertThat(outcome.usage().costUsd()).isCloseTo(new Price(0.40, 1.60).cost(1000, 200), org.assertj.core.data.Offset.offset(1e-12));
        var sent = server.requests().getFirst();
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.model()).isEqualTo("gpt-4.1-mini");
        assertThat(sent.lastUserText()).contains(Packets.PARENT_TEXT, "My card still hasn't arrived",
                "expected card_arrival", "policy answered lost_or_stolen_card", "Label names are snake_case.",
                "coverage 3/8");
        assertThat(outcome.input()).isEqualTo(sent.lastUserText());
    }

    @Test
    void theApiKeyIsSentToTheEndpointButNeverRecorded() {
        server.enqueue(ScriptedReply.answer("```\n" + IMPROVED + "\n```"));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(server.requests().getFirst().credential()).isEqualTo(KEY);
        assertThat(outcome.input()).doesNotContain(KEY);
        assertThat(outcome.rawOutput()).doesNotContain(KEY);
        assertThat(server.requests().getFirst().body()).doesNotContain(KEY);
    }

    @Test
    void aTruncatedAnswerIsRejectedWithTheReason() {
        server.enqueue(ScriptedReply.truncated("PROPOSAL 1\n```\nClassify the banking question and think about"));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("truncated", "finish_reason=length");
        assertThat(outcome.rawOutput()).contains("think about");
    }

    @Test
    void anUnclosedFenceIsRejectedEvenWhenTheFinishReasonSaysStop() {
        server.enqueue(ScriptedReply.answer("PROPOSAL 1\n```\nClassify the banking question"));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.error()).contains("unbalanced fence", "line 2");
    }

    @Test
    void anAnswerWithoutAFenceIsRejectedRatherThanTakenWhole() {
        server.enqueue(ScriptedReply.answer("Sure! You should mention card_arrival explicitly."));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("no fenced block");
    }

    @Test
    void anEmptyAnswerIsRejected() {
        server.enqueue(ScriptedReply.empty());

        assertThat(proposer().propose(Packets.packet()).error()).contains("empty answer");
    }

    @Test
    void anAnswerIdenticalToTheParentIsRejected() {
        server.enqueue(ScriptedReply.answer("```\n" + Packets.PARENT_TEXT + "\n```"));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("identical to the current text");
    }

    @Test
    void aRateLimitIsRetriedAfterTheRetryAfterTheServerAsked() {
        server.enqueue(ScriptedReply.rateLimited(1), ScriptedReply.answer("```\n" + IMPROVED + "\n```"));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.drafts()).containsExactly(Map.of("instruction", IMPROVED));
        assertThat(server.requests()).hasSize(2);
        // the proposer's own backoff starts at 10 ms, so only the server's Retry-After: 1 explains a 1 s wait; it
        // counts from the client's receipt of the 429, which comes after the server saw the first request
        long gapNanos = server.requests().get(1).receivedAtNanos() - server.requests().get(0).receivedAtNanos();
        assertThat(Duration.ofNanos(gapNanos)).as("wait between the rate-limited request and its retry")
                .isGreaterThanOrEqualTo(Duration.ofMillis(990));
    }

    @Test
    void persistentServerErrorsAreRetriedThenReportedAsRetriableUnavailability() {
        server.enqueue(ScriptedReply.status(500), ScriptedReply.status(502), ScriptedReply.status(503));

        assertThatThrownBy(() -> proposer().propose(Packets.packet()))
                .isInstanceOfSatisfying(ProposerUnavailableException.class, e -> {
                    assertThat(e.retriable()).isTrue();
                    assertThat(e.getMessage()).contains("3 attempt(s)", "HTTP 503", server.baseUrl());
                });
        assertThat(server.requests()).hasSize(3);
    }

    @Test
    void refusedCredentialsAreNotRetriedAndNameTheKeyVariable() {
        server.enqueue(ScriptedReply.status(401));

        assertThatThrownBy(() -> proposer().propose(Packets.packet()))
                .isInstanceOfSatisfying(ProposerUnavailableException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("GEPA_TEST_KEY").doesNotContain(KEY);
                });
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aMissingModelNamesTheBaseUrlToCheck() {
        server.enqueue(ScriptedReply.status(404));

        assertThatThrownBy(() -> proposer().propose(Packets.packet()))
                .isInstanceOfSatisfying(ProposerUnavailableException.class, e -> {
                    assertThat(e.retriable()).isFalse();
                    assertThat(e.getMessage()).contains("base_url", server.baseUrl(), "gpt-4.1-mini");
                });
    }

    @Test
    void aBadRequestConcernsOnlyThisProposalAndIsRecordedAsARejection() {
        server.enqueue(ScriptedReply.status(400));

        ProposalOutcome outcome = proposer().propose(Packets.packet());

        assertThat(outcome.error()).contains("HTTP 400");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anUnsetKeyVariableFailsAtConstructionNamingTheVariable() {
        var settings = LlmProposerSettings.of("openai", "gpt-4.1-mini", server.baseUrl(), "GEPA_UNSET_KEY", null,
                null, null, null, null, null, null, Map.of(), null);

        assertThatThrownBy(() -> new ReflectiveLlmProposer(settings, PriceTable.defaults(), name -> null))
                .isInstanceOf(ProposerUnavailableException.class).hasMessageContaining("GEPA_UNSET_KEY");
    }

    @Test
    void severalProposalsPerCallBecomeSeveralDrafts() {
        server.enqueue(ScriptedReply.answer("PROPOSAL 1\n```\n" + IMPROVED + "\n```\n\nPROPOSAL 2\n```\n"
                + IMPROVED + "\nNever answer with two labels.\n```\n\nPROPOSAL 3\n```\n" + Packets.PARENT_TEXT + "\n```"));

        ProposalOutcome outcome = proposer(EditMode.REWRITE, 3, 0).propose(Packets.packet(3, List.of()));

        assertThat(outcome.drafts()).extracting(d -> d.get("instruction"))
                .containsExactly(IMPROVED, IMPROVED + "\nNever answer with two labels.");
        assertThat(server.requests().getFirst().lastUserText()).contains("Write 3 alternative");
    }

    @Test
    void rejectedAttemptsAreShownAndARepeatOfOneIsRejected() {
        var earlier = new RejectedAttempt(Map.of("instruction", IMPROVED), "lost on the minibatch (0.33 < 0.40)");
        server.enqueue(ScriptedReply.answer("```\n" + IMPROVED + "\n```"));

        ProposalOutcome outcome = proposer().propose(Packets.packet(1, List.of(earlier)));

        String sent = server.requests().getFirst().lastUserText();
        assertThat(sent).contains("do not repeat", "lost on the minibatch (0.33 < 0.40)",
                "A card that has not arrived yet is card_arrival");
        assertThat(outcome.error()).contains("repeats an earlier rejected attempt");
    }

    @Test
    void editModeAppliesBoundedSearchReplaceEdits() {
        server.enqueue(ScriptedReply.answer("PROPOSAL 1\n```\n<<<<<<< SEARCH\none intent label.\n=======\n"
                + "one intent label from the list.\n>>>>>>> REPLACE\n<<<<<<< SEARCH\n=======\n"
                + "A card that has not arrived yet is card_arrival.\n>>>>>>> REPLACE\n```"));

        ProposalOutcome outcome = proposer(EditMode.EDIT, 1, 0).propose(Packets.packet());

        assertThat(outcome.error()).isNull();
        assertThat(outcome.drafts().getFirst().get("instruction")).isEqualTo(
                "Classify the customer's banking question into one intent label from the list.\n"
                        + "A card that has not arrived yet is card_arrival.");
        assertThat(server.requests().getFirst().lastUserText()).contains("at most 3 edits", "<<<<<<< SEARCH");
    }

    @Test
    void editModeRejectsMoreEditsThanTheCap() {
        String edit = "<<<<<<< SEARCH\n=======\nextra line\n>>>>>>> REPLACE\n";
        server.enqueue(ScriptedReply.answer("```\n" + edit.repeat(4) + "```"));

        ProposalOutcome outcome = proposer(EditMode.EDIT, 1, 0).propose(Packets.packet());

        assertThat(outcome.error()).contains("4 edits, at most 3 allowed");
    }

    @Test
    void editModeRejectsAnEditWhoseSearchTextIsNotInTheParent() {
        server.enqueue(ScriptedReply.answer("```\n<<<<<<< SEARCH\nno such sentence\n=======\nx\n>>>>>>> REPLACE\n```"));

        ProposalOutcome outcome = proposer(EditMode.EDIT, 1, 0).propose(Packets.packet());

        assertThat(outcome.error()).contains("SEARCH text not found", "no such sentence");
    }

    @Test
    void theAnthropicProviderSpeaksTheMessagesApi() {
        server.enqueue(ScriptedReply.answer("```\n" + IMPROVED + "\n```", 300, 40));
        var settings = LlmProposerSettings.of("anthropic", "claude-sonnet-4-20250514", server.anthropicBaseUrl(),
                "GEPA_TEST_KEY", null, 512, 10, 0, "rewrite", null, null, Map.of(), null);
        var proposer = new ReflectiveLlmProposer(settings, PriceTable.defaults(), Map.of("GEPA_TEST_KEY", KEY)::get);

        ProposalOutcome outcome = proposer.propose(Packets.packet());

        assertThat(outcome.drafts()).containsExactly(Map.of("instruction", IMPROVED));
        assertThat(server.requests().getFirst().path()).isEqualTo("/v1/messages");
        assertThat(server.requests().getFirst().credential()).isEqualTo(KEY);
        assertThat(outcome.usage().costUsd()).isCloseTo(new Price(3.0, 15.0).cost(300, 40), org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void theAnthropicProviderRejectsAnAnswerCutAtMaxTokens() {
        server.enqueue(ScriptedReply.truncated("```\nhalf a prompt"));
        var settings = LlmProposerSettings.of("anthropic", "claude-sonnet-4", server.anthropicBaseUrl(),
                "GEPA_TEST_KEY", null, 512, 10, 0, "rewrite", null, null, Map.of(), null);
        var proposer = new ReflectiveLlmProposer(settings, PriceTable.defaults(), Map.of("GEPA_TEST_KEY", KEY)::get);

        assertThat(proposer.propose(Packets.packet()).error()).contains("truncated");
    }
}
