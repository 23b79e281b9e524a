package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.stats.PairedComparison;
import dev.gepa4j.core.stats.PairedLift;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code [dataset]} roles through {@code gepa run} on the built-in Banking77 container: a test split that only the
 * seed and the final pick run on, after everything else (checked on the sqlite journal), reported with its paired
 * statistics; and overlapping roles refused with the rows named.
 */
class DatasetRolesEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void the_test_split_runs_only_after_the_loop_and_its_packet_block_matches_the_journal() throws Exception {
        Path config = write("test-split.toml", """
                [run]
                run_id = "with-test"
                workspace = "ws"
                seed = 2
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 20
                heldout_size = 30
                test_size = 60
                [gepa]
                max_rollouts = 300
                minibatch_size = 5
                heldout_top_k = 1
                """);

        String out = RunCommandEndToEndTest.run("run", config.toString(), "--no-console", "--quiet");

        JsonNode packet = JSON.readTree(dir.resolve("ws/with-test/evidence/packet.json").toFile());
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            List<RolloutRecord> rollouts = ws.reader().rollouts("with-test", 0);
            List<RolloutRecord> test = rollouts.stream().filter(r -> r.result().example().split() == Split.TEST)
                    .toList();
            List<RolloutRecord> rest = rollouts.stream().filter(r -> r.result().example().split() != Split.TEST)
                    .toList();
            long lastOptimizationSeq = rest.stream().mapToLong(RolloutRecord::seq).max().orElseThrow();
            assertThat(test).as("test rollouts").isNotEmpty()
                    .allSatisfy(r -> assertThat(r.seq()).isGreaterThan(lastOptimizationSeq))
                    .allSatisfy(r -> assertThat(r.stage()).isEqualTo(Stage.TEST));
            assertThat(rest).noneMatch(r -> r.stage() == Stage.TEST);
            String seedId = packet.at("/seed/candidate_id").asText();
            String bestId = packet.at("/best/candidate_id").asText();
            assertThat(test).allMatch(r -> r.result().candidateId().equals(seedId)
                    || r.result().candidateId().equals(bestId));
            assertThat(ws.reader().proposals("with-test")).as("proposals were made").isNotEmpty()
                    .allSatisfy(p -> test.forEach(t -> assertThat(p.input()).doesNotContainPattern(
                            java.util.regex.Pattern.quote(t.result().example().exampleId()) + "(?!\\d)")));

            PairedLift expected = pairedFromJournal(test, seedId, bestId);
            assertThat(packet.at("/test/n").asInt()).isEqualTo(expected.n()).isEqualTo(60);
            assertThat(packet.at("/test/rows").asInt()).isEqualTo(60);
            assertThat(packet.at("/test/method").asText()).isEqualTo(PairedLift.MCNEMAR);
            assertThat(packet.at("/test/lift").asDouble()).isCloseTo(expected.lift(), Offset.offset(1e-12));
            assertThat(packet.at("/test/p_value").asDouble()).isCloseTo(expected.pValue(), Offset.offset(1e-12));
            assertThat(packet.at("/test/ci95/0").asDouble()).isCloseTo(expected.ciLow(), Offset.offset(1e-12));
            assertThat(packet.at("/test/ci95/1").asDouble()).isCloseTo(expected.ciHigh(), Offset.offset(1e-12));
            assertThat(packet.at("/rollouts/test").asLong()).isEqualTo(test.size());
            assertThat(packet.at("/rollouts/executed").asLong() + packet.at("/rollouts/cached").asLong())
                    .isEqualTo(rest.size());
            assertThat(packet.at("/overfit_gap/train_rows").asText()).isEqualTo("train");
            assertThat(packet.at("/lift/note").asText()).contains("biased upwards").contains("test block");
        }
        assertThat(out).contains(String.format(java.util.Locale.ROOT, "test %+.3f", packet.at("/test/lift").asDouble()))
                .contains("60 rows").contains(packet.at("/rollouts/test").asLong() + " test rollouts, apart");
        assertThat(Files.readString(dir.resolve("ws/with-test/evidence/report.md"))).contains("- test ")
                .contains("60 rows").contains("exact mcnemar");
    }

    @Test
    void without_a_test_split_the_output_says_the_heldout_lift_is_biased() throws Exception {
        Path config = write("no-test.toml", """
                [run]
                run_id = "no-test"
                workspace = "ws"
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 10
                heldout_size = 10
                [gepa]
                max_rollouts = 100
                heldout_top_k = 1
                """);

        String out = RunCommandEndToEndTest.run("run", config.toString(), "--no-console", "--quiet");

        assertThat(out).contains(SummaryLine.NO_TEST);
        JsonNode packet = JSON.readTree(dir.resolve("ws/no-test/evidence/packet.json").toFile());
        assertThat(packet.get("test").isNull()).isTrue();
        assertThat(packet.get("overfit_gap").isNull()).isTrue();
        assertThat(packet.at("/lift/note").asText()).contains("biased upwards").contains("no test split");
        assertThat(Files.readString(dir.resolve("ws/no-test/evidence/report.md"))).contains("test: none");
    }

    @Test
    void pareto_rows_that_overlap_heldout_rows_are_refused_with_the_rows_named() throws Exception {
        Path config = write("overlap.toml", """
                [run]
                workspace = "ws"
                [container]
                builtin = "banking77"
                pareto_split = "test"
                [dataset]
                train_size = 10
                heldout_size = 30
                pareto_seeds = [5, 6, 300]
                """);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cl = Main.commandLine();
        cl.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));

        int code = cl.execute("run", config.toString(), "--no-console", "--quiet");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("[dataset]")
                .contains("the heldout and pareto splits share 2 row(s): heldout:5, heldout:6");
        assertThat(dir.resolve("ws").resolve(SqliteWorkspace.FILE_NAME)).doesNotExist();
    }

    /** The seed's and the best's test rewards, paired by example in seed order, through the same comparison. */
    private static PairedLift pairedFromJournal(List<RolloutRecord> test, String seedId, String bestId) {
        Map<String, RolloutRecord> seed = byExample(test, seedId);
        Map<String, RolloutRecord> best = byExample(test, bestId);
        List<String> ids = seed.keySet().stream().filter(best::containsKey)
                .sorted(Comparator.comparingLong(id -> seed.get(id).result().example().seed())).toList();
        return PairedComparison.compare(ids.stream().mapToDouble(id -> seed.get(id).result().reward()).toArray(),
                ids.stream().mapToDouble(id -> best.get(id).result().reward()).toArray());
    }

    private static Map<String, RolloutRecord> byExample(List<RolloutRecord> rows, String candidateId) {
        return rows.stream().filter(r -> r.result().candidateId().equals(candidateId) && r.result().measured())
                .collect(Collectors.toMap(r -> r.result().example().exampleId(), Function.identity(), (a, b) -> b));
    }

    private Path write(String name, String text) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, text.replace("workspace = \"ws\"", "workspace = \"" + dir.resolve("ws") + "\""));
        return p;
    }
}
