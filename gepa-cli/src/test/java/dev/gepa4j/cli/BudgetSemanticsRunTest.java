package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code max_rollouts} counts the rollouts a run uses, executed or taken from the cache: the same serial command run
 * twice into one workspace spends its budget the same way and ends with the same result, the second time from the
 * cache alone (the built-in Banking77 container over loopback, a real sqlite workspace).
 */
class BudgetSemanticsRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void theSameSerialCommandTwiceInOneWorkspaceEndsWithTheSameResult() throws Exception {
        String first = run("first");
        String second = run("second");

        JsonNode a = JSON.readTree(dir.resolve("ws/first/evidence/packet.json").toFile());
        JsonNode b = JSON.readTree(dir.resolve("ws/second/evidence/packet.json").toFile());
        for (String field : new String[] {"/best/candidate_id", "/best/train", "/best/heldout", "/seed/train",
                "/seed/heldout", "/stop_reason", "/rollouts/used"}) {
            assertThat(b.at(field)).as(field).isEqualTo(a.at(field));
        }
        assertThat(a.at("/stop_reason").asText()).as("the budget ends the run, so what it counts decides the result")
                .isEqualTo("rollout budget");
        assertThat(a.at("/rollouts/used").asLong()).isPositive().isLessThanOrEqualTo(300);
        assertThat(a.at("/rollouts/executed").asLong()).isEqualTo(a.at("/rollouts/used").asLong());
        assertThat(b.at("/rollouts/executed").asLong()).as("the second run calls no container").isZero();
        assertThat(b.at("/rollouts/cached").asLong()).isEqualTo(b.at("/rollouts/used").asLong());
        assertThat(b.at("/rollouts/container_calls").asLong()).isZero();
        String used = a.at("/rollouts/used").asLong() + " rollouts used";
        assertThat(first).contains(used + " (" + a.at("/rollouts/used").asLong() + " executed, 0 cached)");
        assertThat(second).contains(used + " (0 executed, " + a.at("/rollouts/used").asLong() + " cached)")
                .contains(" 0 container calls");
    }

    private String run(String runId) throws Exception {
        Path config = dir.resolve(runId + ".toml");
        Files.writeString(config, """
                [run]
                run_id = "%s"
                workspace = "ws"
                seed = 1
                mode = "serial"
                [container]
                builtin = "banking77"
                [dataset]
                train_size = 20
                heldout_size = 20
                [gepa]
                max_rollouts = 300
                minibatch_size = 5
                heldout_top_k = 1
                """.formatted(runId));
        CliRun.Output o = CliRun.run("run", config.toString(), "--no-console", "--quiet");
        int code = o.code();
        String text = o.out();
        assertThat(code).as(text).isZero();
        return text;
    }
}
