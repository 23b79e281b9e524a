package dev.gepa4j.runtime.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvidencePacketWriterTest {
    @TempDir
    Path tmp;
    SqliteWorkspace workspace;
    WorkspaceReader reader;
    Path evidence;
    JsonNode packet;

    @BeforeEach
    void writeRunAndPacket() throws Exception {
        workspace = SqliteWorkspace.open(tmp.resolve("ws"));
        SampleRun.writeAll(workspace, "run-1");
        reader = workspace.reader();
        evidence = EvidencePacketWriter.write(reader, "run-1", tmp.resolve("out"));
        packet = EvidenceJson.mapper().readTree(evidence.resolve("packet.json").toFile());
    }

    @AfterEach
    void close() {
        workspace.close();
    }

    @Test
    void writesEveryFileOfTheEvidencePacket() {
        assertThat(evidence).isEqualTo(tmp.resolve("out").resolve("run-1").resolve("evidence"));
        for (String name : List.of("packet.json", "best/instructions.txt", "diff.patch", "report.md", "report.html")) {
            assertThat(evidence.resolve(name)).isRegularFile();
        }
        assertThat(packet.get("schema").asText()).isEqualTo("gepa4j.evidence.v1");
        assertThat(packet.get("unmeasured")).as("the sample's one error was retried to a result").isEmpty();
        for (String field : List.of("schema", "run_id", "task", "policy", "proposer", "splits", "seed", "best", "lift",
                "frontier", "candidates", "rollouts", "usage", "stop_reason", "duration_s", "traces", "unmeasured")) {
            assertThat(packet.has(field)).as(field).isTrue();
        }
    }

    @Test
    void everyCandidateScoreMatchesAMeanRecomputedFromTheWorkspaceRollouts() {
        List<RolloutRecord> rollouts = reader.rollouts("run-1", 0);
        for (JsonNode c : packet.get("candidates")) {
            String id = c.get("candidate_id").asText();
            boolean fullTrain = rollouts.stream().anyMatch(r -> r.result().candidateId().equals(id)
                    && (r.stage() == Stage.SEED_TRAIN || r.stage() == Stage.FULL_TRAIN));
            assertScore(c.get("train"), fullTrain ? latestMean(rollouts, id, Split.TRAIN, null) : null, id + " train");
            assertScore(c.get("heldout"), latestMean(rollouts, id, Split.HELDOUT, null), id + " heldout");
            Double mini = latestMean(rollouts, id, Split.TRAIN, Stage.CHILD_MINIBATCH);
            assertScore(c.get("mini"), mini, id + " mini");
        }
        assertThat(packet.get("candidates")).hasSize(reader.candidates("run-1").size());
    }

    @Test
    void unmeasuredScoresAreNullNeverZero() {
        JsonNode rejected = candidate(SampleRun.B.id());
        assertThat(rejected.get("train").isNull()).isTrue();
        assertThat(rejected.get("heldout").isNull()).isTrue();
        assertThat(rejected.get("mini").asDouble()).isEqualTo(0.0);
        assertThat(rejected.get("role").asText()).isEqualTo("rejected");
        assertThat(candidate(SampleRun.SEED.id()).get("mini").isNull()).isTrue();
    }

    @Test
    void bestIsTheHighestHeldoutWithTiesBrokenByTrain() {
        // A and C tie on heldout (2/3); C has the higher train score
        JsonNode best = packet.get("best");
        assertThat(best.get("candidate_id").asText()).isEqualTo(SampleRun.C.id());
        assertThat(best.get("heldout").asDouble()).isCloseTo(candidate(SampleRun.A.id()).get("heldout").asDouble(),
                within(1e-9));
        assertThat(best.get("parents").get(0).asText()).isEqualTo(SampleRun.A.id());
        assertThat(best.get("components").get("instructions").asText())
                .isEqualTo(SampleRun.C.components().get("instructions"));
        JsonNode seed = packet.get("seed");
        assertThat(packet.get("lift").get("train").asDouble())
                .isCloseTo(best.get("train").asDouble() - seed.get("train").asDouble(), within(1e-9));
        assertThat(packet.get("lift").get("heldout").asDouble())
                .isCloseTo(best.get("heldout").asDouble() - seed.get("heldout").asDouble(), within(1e-9));
    }

    @Test
    void frontierCoverageIsRecomputedFromTheBestRewardPerTrainExample() {
        List<RolloutRecord> rollouts = reader.rollouts("run-1", 0);
        Map<String, Double> best = new LinkedHashMap<>();
        for (RolloutRecord r : rollouts) {
            boolean fullTrainCandidate = rollouts.stream().anyMatch(o -> o.result().candidateId()
                    .equals(r.result().candidateId()) && (o.stage() == Stage.SEED_TRAIN || o.stage() == Stage.FULL_TRAIN));
            if (r.result().example().split() == Split.TRAIN && r.result().measured()) {
                double reward = fullTrainCandidate ? r.result().reward() : 0;
                best.merge(r.result().example().exampleId(), reward, Math::max);
            }
        }
        JsonNode frontier = packet.get("frontier");
        assertThat(frontier.get("total").asInt()).isEqualTo(best.size());
        assertThat(frontier.get("covered").asInt()).isEqualTo((int) best.values().stream().filter(v -> v > 0).count());
        assertThat(frontier.get("members")).extracting(JsonNode::asText)
                .containsExactly(SampleRun.SEED.id(), SampleRun.A.id(), SampleRun.C.id());
        assertThat(packet.get("splits").get("train").asInt()).isEqualTo(best.size());
        assertThat(packet.get("splits").get("heldout").asInt()).isEqualTo(3);
    }

    @Test
    void rolloutCountsAndUsageAgreeWithTheWorkspace() {
        List<RolloutRecord> rollouts = reader.rollouts("run-1", 0);
        JsonNode counts = packet.get("rollouts");
        assertThat(counts.get("executed").asLong()).isEqualTo(rollouts.stream()
                .filter(r -> !r.result().cached() && r.result().measured()).count());
        assertThat(counts.get("cached").asLong()).isEqualTo(rollouts.stream()
                .filter(r -> r.result().cached() && r.result().measured()).count());
        assertThat(counts.get("used").asLong()).isEqualTo(rollouts.stream().filter(r -> r.result().measured()).count())
                .isEqualTo(counts.get("executed").asLong() + counts.get("cached").asLong());
        assertThat(counts.get("errors").asLong()).isEqualTo(rollouts.stream()
                .filter(r -> r.result().status() == RolloutStatus.ERROR).count()).isPositive();
        assertThat(counts.get("failed").asLong()).isEqualTo(rollouts.stream()
                .filter(r -> r.result().status() == RolloutStatus.FAILED).count()).isPositive();
        assertThat(counts.get("retried").asLong()).isEqualTo(rollouts.stream()
                .filter(r -> r.result().attempts() > 1).count());
        assertThat(counts.get("container_calls").asLong()).isEqualTo(rollouts.stream()
                .mapToLong(r -> r.result().attempts()).sum()).isGreaterThan(counts.get("executed").asLong());
        JsonNode usage = packet.get("usage");
        var policy = reader.usage("run-1", "policy");
        var proposer = reader.usage("run-1", "proposer");
        assertThat(usage.get("policy").get("total_tokens").asLong()).isEqualTo(policy.totalTokens());
        assertThat(usage.get("proposer").get("prompt_tokens").asLong()).isEqualTo(proposer.promptTokens());
        assertThat(usage.get("cost_usd").asDouble()).isCloseTo(policy.costUsd() + proposer.costUsd(), within(1e-12));
        assertThat(packet.get("stop_reason").asText()).isEqualTo(reader.run("run-1").orElseThrow().stopReason());
        assertThat(packet.get("policy").get("model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(packet.get("proposer").get("calls").asInt()).isEqualTo(reader.proposals("run-1").size());
    }

    @Test
    void tracesShowTheBestCandidatesWinsAndLossesWithVerifierResults() {
        JsonNode traces = packet.get("traces");
        assertThat(traces.get("wins")).isNotEmpty().hasSizeLessThanOrEqualTo(EvidencePacket.Traces.LIMIT);
        assertThat(traces.get("losses")).isNotEmpty().hasSizeLessThanOrEqualTo(EvidencePacket.Traces.LIMIT);
        for (JsonNode t : traces.get("wins")) {
            assertThat(t.get("candidate_id").asText()).isEqualTo(SampleRun.C.id());
            assertThat(t.get("reward").asDouble()).isPositive();
            assertThat(t.get("verifier").get("passed").asBoolean()).isTrue();
        }
        // the first win is one where the best candidate gained most over the seed
        assertThat(traces.get("wins").get(0).get("seed_reward").asDouble()).isZero();
        for (JsonNode t : traces.get("losses")) {
            assertThat(t.get("reward").asDouble()).isLessThan(1.0);
            assertThat(t.get("verifier").get("feedback").asText()).startsWith("expected");
        }
    }

    @Test
    void bestFilesAndDiffHoldTheBestPromptAgainstTheSeed() throws Exception {
        assertThat(Files.readString(evidence.resolve("best/instructions.txt")))
                .isEqualTo(SampleRun.C.components().get("instructions"));
        String diff = Files.readString(evidence.resolve("diff.patch"));
        assertThat(diff).startsWith("--- a/instructions\n+++ b/instructions\n")
                .contains("+Card questions are card_arrival.", "+Top-ups are top_up_failed.");
        assertThat(packet.get("best").get("diff").asText()).isEqualTo(diff);
        assertThat(Files.readString(evidence.resolve("report.md"))).contains(SampleRun.C.id(), "```diff");
    }

    @Test
    void reportHtmlIsSelfContainedAndCarriesModelTextOnlyAsEscapedJson() throws Exception {
        String html = Files.readString(evidence.resolve("report.html"));
        assertThat(html).contains("<script type=\"application/json\" id=\"report-data\">", "uPlot", "JSON.parse");
        assertThat(html).doesNotContain("<script>alert(1)</script>", "src=\"http", "href=\"http");
        assertThat(html).contains("\\u003cscript\\u003ealert(1)\\u003c/script\\u003e");
    }

    @Test
    void aRunWithoutHeldoutHasNullHeldoutScoresAndPicksTheBestByTrain() {
        try (SqliteWorkspace ws = SqliteWorkspace.open(tmp.resolve("ws2"))) {
            var recorder = ws.startRun(SampleRun.spec("no-heldout"));
            var steps = new SampleRun(false).steps();
            steps.subList(0, 8).forEach(s -> s.accept(recorder)); // seed registered and its six train rollouts
            RunSummary summary = RunMetrics.summarize(ws.reader(), "no-heldout");
            assertThat(summary.bestId()).isEqualTo(SampleRun.SEED.id());
            assertThat(summary.best().orElseThrow().heldout()).isNull();
            Path dir = EvidencePacketWriter.write(ws.reader(), "no-heldout", tmp.resolve("out2"));
            JsonNode p = EvidenceJson.mapper().readTree(dir.resolve("packet.json").toFile());
            assertThat(p.get("seed").get("heldout").isNull()).isTrue();
            assertThat(p.get("lift").get("heldout").isNull()).isTrue();
            assertThat(p.get("lift").get("train").asDouble()).isZero();
            assertThat(p.get("stop_reason").isNull()).isTrue();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private JsonNode candidate(String id) {
        for (JsonNode c : packet.get("candidates")) {
            if (c.get("candidate_id").asText().equals(id)) {
                return c;
            }
        }
        throw new AssertionError("no candidate " + id + " in the packet");
    }

    /** Mean of the latest measured reward per example, optionally of one stage only; null when there is none. */
    private static Double latestMean(List<RolloutRecord> rollouts, String candidateId, Split split, Stage stage) {
        Map<String, Double> latest = new LinkedHashMap<>();
        rollouts.stream().filter(r -> r.result().candidateId().equals(candidateId)
                        && r.result().example().split() == split && r.result().measured()
                        && (stage == null || r.stage() == stage))
                .forEach(r -> latest.put(r.result().example().exampleId(), r.result().reward()));
        OptionalDouble mean = latest.values().stream().mapToDouble(Double::doubleValue).average();
        return mean.isPresent() ? mean.getAsDouble() : null;
    }

    private static void assertScore(JsonNode node, Double expected, String what) {
        if (expected == null) {
            assertThat(node.isNull()).as(what + " is null").isTrue();
        } else {
            assertThat(node.asDouble()).as(what).isCloseTo(expected, within(1e-9));
        }
    }

}
