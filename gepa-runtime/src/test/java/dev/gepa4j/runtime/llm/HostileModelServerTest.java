package dev.gepa4j.runtime.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposerUnavailableException;
import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.runtime.guard.GuardedProposer;
import dev.gepa4j.runtime.usage.PriceTable;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reflective proposer against a misbehaving model server (the gepa-testkit TEST DOUBLE, real HTTP on loopback):
 * every misbehaviour ends in a bounded time with a rejection or an error that says what came back.
 */
class HostileModelServerTest {
    private static final String GOOD = "```\nClassify the banking question; a card not yet arrived is card_arrival.\n```";
    private OpenAiCompatibleTestServer server;

    @BeforeEach
    void startServer() {
        server = OpenAiCompatibleTestServer.start();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private ReflectiveLlmProposer proposer(int timeoutSeconds, int retries, Duration budget, long answerBytes) {
        var settings = LlmProposerSettings.of("openai", "gpt-4.1-mini", server.baseUrl(), null, 0.7, 1024,
                timeoutSeconds, retries, "rewrite", 3, 1, Map.of(), null)
                .withRetryDelays(Duration.ofMillis(10), Duration.ofSeconds(5)).withLimits(budget, answerBytes);
        return new ReflectiveLlmProposer(settings, PriceTable.defaults(), name -> null);
    }

    @Test
    void aServerDrippingItsAnswerIsCutOffAtTheWholeAnswerDeadline() {
        // headers at once, then one byte every 200 ms: the whole answer would take minutes
        server.enqueue(new ScriptedReply.Drip("```\n" + "x".repeat(600) + "\n```", 200));
        var proposer = proposer(2, 0, Duration.ofSeconds(10), 1 << 20);

        assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThatThrownBy(
                () -> proposer.propose(Packets.packet()))
                .isInstanceOf(ProposerUnavailableException.class)
                .hasMessageContaining("no complete answer within 2 s"));
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void anAnswerLargerThanTheCapIsRejectedWithoutBeingReadWhole() {
        server.enqueue(new ScriptedReply.Flood(40L << 20)); // 40 MB, chunked: no Content-Length to refuse up front

        ProposalOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(90),
                () -> proposer(60, 3, Duration.ofSeconds(10), 256 * 1024).propose(Packets.packet()));

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("over max_answer_kb = 256 KB", "cut off while reading");
        assertThat(server.requests()).as("a too-large answer is not retried").hasSize(1);
    }

    @Test
    void anHtmlPageWithStatus200RejectsOneProposalSayingWhatCameBack() {
        server.enqueue(ScriptedReply.htmlPage());

        ProposalOutcome outcome = proposer(10, 3, Duration.ofSeconds(10), 1 << 20).propose(Packets.packet());

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).contains("answered HTTP 200 with text that is not JSON", "text/html",
                "Gateway portal").doesNotContain("cannot reach");
        assertThat(server.requests()).as("a reachable server's bad body is not retried").hasSize(1);
    }

    @Test
    void invalidJsonWithStatus200RejectsOneProposalAndTheNextCallWorks() {
        server.enqueue(new ScriptedReply.RawBody(200, "application/json", "{\"choices\": [ {\"message\": "),
                ScriptedReply.answer(GOOD));
        var proposer = proposer(10, 3, Duration.ofSeconds(10), 1 << 20);

        ProposalOutcome bad = proposer.propose(Packets.packet());
        ProposalOutcome good = proposer.propose(Packets.packet());

        assertThat(bad.error()).contains("text that is not JSON", "{\"choices\": [");
        assertThat(good.error()).isNull();
        assertThat(good.drafts()).hasSize(1);
        assertThat(server.requests()).hasSize(2);
    }

    @Test
    void aJsonObjectThatIsNotACompletionRejectsOneProposal() {
        server.enqueue(new ScriptedReply.RawBody(200, "application/json", "{\"status\": \"maintenance\"}"));

        ProposalOutcome outcome = proposer(10, 3, Duration.ofSeconds(10), 1 << 20).propose(Packets.packet());

        assertThat(outcome.drafts()).isEmpty();
        assertThat(outcome.error()).isNotBlank().doesNotContain("cannot reach");
        assertThat(server.requests()).hasSize(1);
    }

    @Test
    void aHugeProposedPromptIsDroppedNamingItsSizeAndAnAnswerCarryingAKeyIsDroppedNamingTheVariable() {
        server.enqueue(ScriptedReply.answer("```\n" + "Classify carefully. ".repeat(10_000) + "\n```"),
                ScriptedReply.answer("```\nClassify; the key is sk-echoed-canary-123456\n```"));
        var guarded = new GuardedProposer(proposer(10, 0, Duration.ofSeconds(10), 1 << 20),
                GuardedProposer.DEFAULT_MAX_FIELD_BYTES, Secrets.of(Map.of("OPENAI_API_KEY", "sk-echoed-canary-123456")));

        ProposalOutcome huge = guarded.propose(Packets.packet());
        ProposalOutcome echo = guarded.propose(Packets.packet());

        assertThat(huge.drafts()).isEmpty();
        assertThat(huge.error()).contains("field 'instruction' is 196 KB, over max_field_kb = 64");
        assertThat(echo.drafts()).isEmpty();
        assertThat(echo.error()).contains("contains the value of OPENAI_API_KEY");
        assertThat(echo.rawOutput()).contains("[secret OPENAI_API_KEY removed]").doesNotContain("sk-echoed-canary");
    }

    @Test
    void retriesStopWhenTheWaitingBudgetWouldBeExceeded() {
        server.whenScriptEmpty(ScriptedReply.rateLimited(1));

        assertThatThrownBy(() -> proposer(10, 10, Duration.ofSeconds(3), 1 << 20).propose(Packets.packet()))
                .isInstanceOf(ProposerUnavailableException.class)
                .hasMessageContaining("retry budget 3 s").hasMessageContaining("HTTP 429");
        // waits of 1 s each: after 3 waits the budget is spent, so 4 attempts in all, not retries + 1 = 11
        assertThat(server.requests()).hasSize(4);
    }

    @Test
    void theDefaultBudgetOutlastsARateLimitWindowThatAFewAttemptsWouldNot() {
        // the server is rate-limited for three calls asking 2 s each (a 6 s window), then answers
        server.enqueue(ScriptedReply.rateLimited(2), ScriptedReply.rateLimited(2), ScriptedReply.rateLimited(2),
                ScriptedReply.answer(GOOD));

        ProposalOutcome outcome = proposer(10, LlmProposerSettings.DEFAULT_RETRIES,
                LlmProposerSettings.DEFAULT_RETRY_BUDGET, 1 << 20).propose(Packets.packet());

        assertThat(outcome.error()).isNull();
        assertThat(server.requests()).hasSize(4);
    }
}
