package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.api.LlmProposers;
import dev.gepa4j.api.Optimization;
import dev.gepa4j.api.OptimizationResult;
import dev.gepa4j.core.engine.MergeSettings;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.strategy.ProposalLimit;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.llm.OpenAiCompatibleTestServer;
import dev.gepa4j.testkit.llm.ScriptedReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The library API and the {@code gepa run} command on the same task, seed and settings in serial mode end with the
 * same run: the CLI over HTTP (the carry-arithmetic task served by the SDK), the library in-process (the same handler,
 * no HTTP), each with its own OpenAI-compatible test double standing in for the reflection model.
 */
class LibraryMatchesCliTest {
    private static final String BETTER = "Add the two numbers column by column and carry the one whenever a column "
            + "reaches ten; answer with the sum only.";
    private static final List<Long> TRAIN = LongStream.range(0, 8).boxed().toList();

    @TempDir
    Path dir;

    @Test
    void theSameSerialRunComesOutOfTheLibraryAndTheCli() throws Exception {
        JsonNode cli;
        try (ContainerServer server = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
             OpenAiCompatibleTestServer llm = reflectionModel()) {
            Path config = dir.resolve("cli.toml");
            Files.writeString(config, """
                    [run]
                    run_id = "same"
                    workspace = "cli-ws"
                    seed = 7
                    mode = "serial"
                    [container]
                    url = "%s"
                    [policy]
                    provider = "embedded"
                    model = "none"
                    [dataset]
                    train_seeds = %s
                    heldout_size = 4
                    [proposer]
                    kind = "llm"
                    model = "test-double"
                    base_url = "%s"
                    [gepa]
                    max_rollouts = 120
                    heldout_top_k = 1
                    merge = false
                    max_proposals = 3
                    """.formatted(server.url(), TRAIN, llm.baseUrl()));
            CliRun.Output out = CliRun.run("run", config.toString(), "--no-console", "--quiet");
            assertThat(out.code()).as(out.allErr()).isZero();
            cli = new ObjectMapper().readTree(dir.resolve("cli-ws/same/evidence/packet.json").toFile());
        }

        OptimizationResult lib;
        try (OpenAiCompatibleTestServer llm = reflectionModel()) {
            lib = Optimization.of(new CarryArithmeticTask())
                    .train(TRAIN).heldout(List.of(0L, 1L, 2L, 3L))
                    .proposer(LlmProposers.openAiCompatible("test-double", llm.baseUrl(), null))
                    .policy(new PolicySpec("embedded", "none", null, null, Map.of()))
                    .budget(120).seed(7).mode(Mode.SERIAL)
                    .loop(l -> l.heldoutTopK(1).merge(MergeSettings.off()))
                    .stopWhen(new ProposalLimit(3))
                    .workspace(dir.resolve("lib-ws")).runId("same").log(false)
                    .build().run();
        }

        assertThat(lib.bestText(CarryArithmeticTask.FIELD)).isEqualTo(BETTER);
        assertThat(lib.bestCandidateId()).isEqualTo(cli.at("/best/candidate_id").asText());
        assertThat(lib.seedTrainMean()).isEqualTo(cli.at("/seed/train").asDouble());
        assertThat(lib.bestTrainMean()).isEqualTo(cli.at("/best/train").asDouble());
        assertThat(lib.seedHeldoutMean()).isEqualTo(cli.at("/seed/heldout").asDouble());
        assertThat(lib.bestHeldoutMean()).isEqualTo(cli.at("/best/heldout").asDouble());
        assertThat(lib.rolloutsUsed()).isEqualTo(cli.at("/rollouts/used").asLong());
        assertThat(lib.loop().candidateIds()).hasSize(cli.at("/candidates").size());
        assertThat(lib.stopReason()).isEqualTo(cli.at("/stop_reason").asText());
        assertThat(lib.heldoutLift()).isPositive();
        assertThat(lib.packetDir().resolve("packet.json")).exists();
    }

    /** A stand-in reflection model that always proposes the prompt that makes the task's policy carry. */
    private static OpenAiCompatibleTestServer reflectionModel() {
        return OpenAiCompatibleTestServer.start().whenScriptEmpty(new ScriptedReply.Completion(
                "PROPOSAL 1\n```\n" + BETTER + "\n```\n", "stop", -1, -1));
    }
}
