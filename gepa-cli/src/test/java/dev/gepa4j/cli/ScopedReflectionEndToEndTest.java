package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.RouterClassifierTask;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.RecordedRequest;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa run} on a third-party-style two-field pipeline (the testkit's router + classifier container, served by
 * the SDK over loopback HTTP) with the LLM proposer talking to the OpenAI-compatible TEST DOUBLE over the real wire
 * format: each field's reflection request carries that field's trace steps and feedback, never the other field's.
 */
class ScopedReflectionEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** What the router's verdict says when it misroutes; the classifier's when it names the wrong intent. */
    private static final String ROUTER_BLAME = "the router prompt never says";
    private static final String CLASSIFIER_BLAME = "the classifier prompt never says";

    @TempDir
    Path dir;

    @Test
    void eachFieldsProposalIsShownItsOwnStepsAndFeedback() throws Exception {
        try (ContainerServer container = ContainerServer.start(new RouterClassifierTask(), ServerOptions.defaults());
             OpenAiCompatibleTestServer llmTestDouble = OpenAiCompatibleTestServer.start()) {
            // the seed routes cards tickets right but not transfers ones, and knows one intent cue: both stages fail.
            // The test double's first two answers name every cue word, so whichever field they rewrite gets fixed
            // and passes the gate; later answers are its default echo-improve.
            String fix = "Route and name the intent: atm and pin mean cards; landlord and wire mean transfers; kept, "
                    + "twice, blocked, arrived, long and returned are the intent cues.";
            llmTestDouble.enqueue(ScriptedReply.answer("PROPOSAL 1\n```\n" + fix + "\n```\n"),
                    ScriptedReply.answer("PROPOSAL 1\n```\n" + fix + "\n```\n"));
            Path config = dir.resolve("two-field.toml");
            Files.writeString(config, """
                    [run]
                    run_id = "two-field"
                    workspace = "ws"
                    seed = 1
                    mode = "serial"
                    [container]
                    url = "%s"
                    [policy]
                    provider = "embedded"
                    model = "none"
                    [seed_candidate]
                    router_prompt = "Route the ticket: atm and pin mean cards."
                    classifier_prompt = "Name the intent: kept means card_swallowed."
                    [dataset]
                    train_size = 12
                    heldout_size = 6
                    [proposer]
                    kind = "llm"
                    model = "test-double"
                    base_url = "%s"
                    [gepa]
                    max_rollouts = 200
                    minibatch_size = 4
                    max_proposals = 4
                    merge = false
                    heldout_top_k = 1
                    """.formatted(container.url(), llmTestDouble.baseUrl()));

            CliRun.Output run = CliRun.run("run", config.toString(), "--no-console", "--quiet");

            assertThat(run.code()).as(run.out() + run.cliErr()).isZero();
            List<String> routerPrompts = prompts(llmTestDouble, RouterClassifierTask.ROUTER);
            List<String> classifierPrompts = prompts(llmTestDouble, RouterClassifierTask.CLASSIFIER);
            assertThat(routerPrompts.size() + classifierPrompts.size()).isEqualTo(llmTestDouble.requests().size());
            assertThat(routerPrompts).as("router reflections").isNotEmpty().allSatisfy(p -> assertThat(p)
                    .contains("Feedback for \"router_prompt\": routed to", ROUTER_BLAME, "[output] group: ")
                    .doesNotContain(CLASSIFIER_BLAME, "[output] intent: "));
            assertThat(classifierPrompts).as("classifier reflections").isNotEmpty().allSatisfy(p -> assertThat(p)
                    .contains(CLASSIFIER_BLAME, "[output] intent: ")
                    .doesNotContain(ROUTER_BLAME, "[output] group: "));

            JsonNode packet = JSON.readTree(dir.resolve("ws/two-field/evidence/packet.json").toFile());
            Set<String> changed = new TreeSet<>();
            packet.path("candidates").forEach(c -> c.path("changed_fields").forEach(f -> changed.add(f.asText())));
            assertThat(changed).as("fields changed by accepted candidates; %s", run.out()).containsExactly(RouterClassifierTask.CLASSIFIER, RouterClassifierTask.ROUTER);
            assertThat(packet.path("candidates").get(0).path("changed_fields")).isEmpty();
        }
    }

    /** The reflection prompts the test double received for one field (the meta-prompt names the field first). */
    private static List<String> prompts(OpenAiCompatibleTestServer server, String field) {
        return server.requests().stream().map(RecordedRequest::lastUserText)
                .filter(t -> t.startsWith("You are refining one piece of text, the component \"" + field + "\""))
                .toList();
    }
}
