package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa resume} rebuilds a run from the resolved run spec (JSON) stored in the workspace, with the config file
 * gone: a serial run stopped after its seed and resumed ends like the same run left alone. Runs stored as TOML by
 * earlier versions still resume; a run with no spec is refused with a clear line. The uninterrupted run keeps its
 * console on (this test's output is not a terminal), so it also shows the ending returns at once when piped.
 */
class ResumeFromRunSpecTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CONFIG = """
            [run]
            run_id = "r"
            workspace = "%s"
            seed = 3
            mode = "serial"
            [container]
            builtin = "banking77"
            [dataset]
            train_size = 12
            heldout_size = 12
            [gepa]
            max_rollouts = 160
            heldout_top_k = 1
            """;
    /** "best gepa_..., train 0.x -> 0.y" and "seed heldout a -> best heldout b" of a summary line. */
    private static final Pattern OUTCOME = Pattern.compile("seed heldout (\\S+) -> best heldout (\\S+) .*best (\\S+), "
            + "train (\\S+) -> (\\S+)\\)");

    @TempDir
    Path dir;

    @Test
    void a_stopped_run_resumed_from_its_json_spec_ends_like_the_run_left_alone() throws Exception {
        Path alone = write("alone.toml", CONFIG.formatted("alone"));
        Result whole = gepa("run", alone.toString(), "--quiet", "--console-port", "0");
        assertThat(whole.code()).as(whole.err()).isZero();
        List<String> lines = whole.out().lines().toList();
        assertThat(lines.get(lines.size() - 2)).as("the report, second to last")
                .isEqualTo("report: " + dir.resolve("alone/r/evidence/report.html"));
        assertThat(lines.getLast()).as("how to see the run later, last")
                .isEqualTo("console later: ./gepa console --workspace " + dir.resolve("alone"));
        assertThat(dir.resolve("alone/r/evidence/report.html")).exists();

        Path stoppedConfig = write("stopped.toml", CONFIG.formatted("stopped"));
        Files.createDirectories(dir.resolve("stopped"));
        Files.writeString(dir.resolve("stopped/STOP"), "");
        Result stopped = gepa("run", stoppedConfig.toString(), "--quiet", "--no-console");
        assertThat(stopped.code()).as(stopped.err()).isZero();
        assertThat(stopped.out()).contains("stop: stop file");
        long executedBeforeResume = packet("stopped").at("/rollouts/executed").asLong();
        assertThat(executedBeforeResume).as("the stopped run left work for the resume")
                .isLessThan(packet("alone").at("/rollouts/executed").asLong());
        JsonNode spec = storedSpec(dir.resolve("stopped"), "r");
        assertThat(spec.path("spec_version").asInt()).isEqualTo(1);
        assertThat(spec.at("/dataset/train_seeds")).hasSize(12);
        assertThat(spec.at("/policy/model").asText()).isEqualTo("all-minilm-l6-v2-q");
        assertThat(spec.at("/gepa/in_flight").asInt()).isPositive();
        assertThat(spec.at("/run/workspace").asText()).isEqualTo(dir.resolve("stopped").toString());

        Files.delete(dir.resolve("stopped/STOP"));
        Files.delete(stoppedConfig);
        Result resumed = gepa("resume", "r", "--workspace", dir.resolve("stopped").toString(), "--quiet",
                "--no-console");

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(outcome(resumed.out())).isEqualTo(outcome(whole.out()));
        for (String count : List.of("executed", "cached", "failed")) {
            assertThat(packet("stopped").at("/rollouts/" + count)).as(count)
                    .isEqualTo(packet("alone").at("/rollouts/" + count));
        }
        assertThat(packet("stopped").at("/policy")).isEqualTo(packet("alone").at("/policy"))
                .as("the packet reads the policy from the JSON spec").isNotEmpty();
    }

    @Test
    void a_run_stored_as_toml_by_an_earlier_version_still_resumes() throws Exception {
        Path workspace = dir.resolve("old");
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            ws.startRun(new RunSpec("r", "banking77", CONFIG.formatted("ignored"), 3, "serial", 160));
        }

        Result resumed = gepa("resume", "r", "--workspace", workspace.toString(), "--quiet", "--no-console");

        assertThat(resumed.code()).as(resumed.err()).isZero();
        assertThat(resumed.err()).contains("run r was stored by an earlier gepa4j as TOML text; resuming from it");
        assertThat(resumed.out()).contains("r: seed heldout");
    }

    @Test
    void a_run_without_a_spec_is_refused_with_one_line() throws Exception {
        Path workspace = dir.resolve("api");
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            ws.startRun(new RunSpec("r", "task", "", 3, "serial", 160));
        }

        Result resumed = gepa("resume", "r", "--workspace", workspace.toString(), "--no-console");

        assertThat(resumed.code()).isEqualTo(1);
        assertThat(resumed.err().lines().toList()).singleElement().asString()
                .contains("run r stored no run spec").contains("continue it with the code that started it");
    }

    private List<String> outcome(String summary) {
        Matcher m = OUTCOME.matcher(summary);
        assertThat(m.find()).as("a summary line in: %s", summary).isTrue();
        return List.of(m.group(1), m.group(2), m.group(3), m.group(4), m.group(5));
    }

    private JsonNode packet(String workspace) throws Exception {
        return JSON.readTree(dir.resolve(workspace).resolve("r/evidence/packet.json").toFile());
    }

    private static JsonNode storedSpec(Path workspace, String runId) throws Exception {
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            return JSON.readTree(ws.reader().run(runId).orElseThrow().specJson());
        }
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private record Result(int code, String out, String err) {
    }

    private static Result gepa(String... args) {
        CliRun.Output o = CliRun.run(args);
        return new Result(o.code(), o.out(), o.allErr());
    }
}
