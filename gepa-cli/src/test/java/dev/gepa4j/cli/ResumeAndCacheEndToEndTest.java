package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.synthetic.CountingProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa resume} and the {@code readonly} and {@code off} cache modes end to end, through the CLI as a user runs
 * them: a config file, a real sqlite workspace, the Banking77 container over loopback HTTP. The container runs in
 * this JVM behind a {@link CountingProxy} per scenario, so rollout requests are counted per id on arrival, before
 * the container's memory of answered ids, across every process of a run.
 */
class ResumeAndCacheEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static ContainerServer banking;

    @TempDir
    Path dir;

    @BeforeAll
    static void startContainer() {
        banking = BuiltinContainers.start("banking77", ServerOptions.defaults());
    }

    @AfterAll
    static void stopContainer() {
        banking.close();
    }

    /** A serial offline run; one rollout at a time, so the same config gives the same run. */
    private Path config(String name, String runId, String workspace, String url, int train, String cache)
            throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                [run]
                run_id = "%s"
                workspace = "%s"
                seed = 3
                mode = "serial"
                [container]
                url = "%s"
                [policy]
                provider = "embedded"
                [dataset]
                train_size = %d
                heldout_size = 10
                [rollout]
                concurrency = 1
                adaptive = false
                cache = "%s"
                [gepa]
                max_rollouts = 260
                minibatch_size = 4
                heldout_top_k = 1
                """.formatted(runId, workspace, url, train, cache));
        return p;
    }

    @Test
    void a_run_killed_mid_way_and_resumed_with_gepa_resume_ends_like_the_run_left_alone() throws Exception {
        JsonNode whole;
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            cli(0, "run", config("whole.toml", "r", "ws-whole", door.url(), 16, "readwrite").toString(),
                    "--no-console", "--quiet");
            whole = packet("ws-whole", "r");
        }
        assertThat(whole.at("/proposer/calls").asInt()).as("the run is long enough to be killed mid-way")
                .isGreaterThan(4);

        try (CountingProxy door = CountingProxy.start(banking.url())) {
            Path cfg = config("killed.toml", "r", "ws-killed", door.url(), 16, "readwrite");
            killAfterProposals(cfg, dir.resolve("ws-killed"), "r", 3);
            Set<String> committed;
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws-killed"))) {
                committed = ws.reader().rollouts("r", 0).stream().map(rr -> rr.result().rolloutId())
                        .collect(Collectors.toSet());
            }
            Map<String, Integer> beforeResume = door.requestsById();
            assertThat(committed).as("rollouts finished before the kill").isNotEmpty();

            String out = cli(0, "resume", "r", "--workspace", dir.resolve("ws-killed").toString(), "--no-console",
                    "--quiet");

            assertThat(out).contains("r: seed heldout");
            JsonNode resumed = packet("ws-killed", "r");
            for (String field : List.of("/best/candidate_id", "/best/train", "/best/heldout", "/seed/train",
                    "/seed/heldout", "/stop_reason", "/candidates")) {
                assertThat(resumed.at(field)).as(field).isEqualTo(whole.at(field));
            }
            assertThat(resumed.at("/best/candidate_id").asText()).isNotEmpty();
            Map<String, Integer> requests = door.requestsById();
            for (String id : committed) {
                assertThat(requests.get(id)).as("requests for rollout %s, finished before the kill", id).isEqualTo(1);
            }
            requests.forEach((id, n) -> assertThat(n).as("requests for rollout %s", id)
                    .isBetween(1, beforeResume.containsKey(id) && !committed.contains(id) ? 2 : 1));
        }
    }

    @Test
    void readonly_runs_from_the_cache_alone_and_fails_on_the_first_miss_naming_it() throws Exception {
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            gepaRun(0, door, "fill", "ws", 12, "readwrite");
            long filled = door.requests();
            JsonNode first = packet("ws", "fill");

            gepaRun(0, door, "again", "ws", 12, "readonly");

            assertThat(door.requests()).as("container calls of the readonly run").isEqualTo(filled);
            JsonNode again = packet("ws", "again");
            assertThat(again.at("/best/candidate_id")).isEqualTo(first.at("/best/candidate_id"));
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                List<RolloutRecord> rows = ws.reader().rollouts("again", 0);
                assertThat(rows).isNotEmpty().allMatch(r -> r.result().cached());
            }

            // more train examples than the cache holds: the first one not there stops the run
            String err = gepaRun(-1, door, "more", "ws", 14, "readonly");
            assertThat(door.requests()).as("container calls of the failing readonly run").isEqualTo(filled);
            assertThat(err).contains("read-only", "train:12", "readwrite");
        }
    }

    @Test
    void off_reads_no_other_run_and_its_own_rows_stay_reusable() throws Exception {
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            gepaRun(0, door, "fill", "ws", 12, "readwrite");
            long filled = door.requests();

            gepaRun(0, door, "off", "ws", 12, "off");

            long offCalls = door.requests() - filled;
            try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
                List<RolloutRecord> rows = ws.reader().rollouts("off", 0);
                long executed = rows.stream().filter(r -> !r.result().cached()).count();
                assertThat(offCalls).as("the off run called the container for every rollout it executed")
                        .isEqualTo(executed).isPositive();
                // a cached row of an off run can only be a repeat within the run itself
                Set<String> ownKeys = new java.util.HashSet<>();
                for (RolloutRecord r : rows) {
                    if (r.result().cached()) {
                        assertThat(ownKeys).as("cached row %d comes from this run", r.seq()).contains(r.cacheKey());
                    }
                    ownKeys.add(r.cacheKey());
                }
            }
        }
        // what an off run executed is still its journal, and so a cache for later runs: a readonly run after it
        // in a fresh workspace needs no container call
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            gepaRun(0, door, "off2", "ws2", 12, "off");
            long before = door.requests();
            gepaRun(0, door, "ro2", "ws2", 12, "readonly");
            assertThat(door.requests()).isEqualTo(before);
        }
    }

    /** {@code gepa run} of {@link #config} (file {@code RUN_ID.toml}) through the door; see {@link #cli}. */
    private String gepaRun(int expectedExit, CountingProxy door, String runId, String workspace, int train,
                           String cache) throws Exception {
        return cli(expectedExit, "run", config(runId + ".toml", runId, workspace, door.url(), train, cache).toString(),
                "--no-console", "--quiet");
    }

    private JsonNode packet(String workspace, String runId) throws Exception {
        return JSON.readTree(dir.resolve(workspace).resolve(runId).resolve("evidence/packet.json").toFile());
    }

    /**
     * Runs {@code gepa ARGS} in this JVM; {@code expectedExit} 0 for success, -1 for any failure. Returns stdout for
     * a success, stderr for a failure.
     */
    private static String cli(int expectedExit, String... args) {
        CliRun.Output o = CliRun.run(args);
        int code = o.code();
        String stdout = o.out();
        String stderr = o.cliErr();
        if (expectedExit == 0) {
            assertThat(code).as("exit code of gepa %s; stdout:%n%s%nstderr:%n%s", String.join(" ", args), stdout,
                    stderr).isZero();
            return stdout;
        }
        assertThat(code).as("exit code of gepa %s; stdout:%n%s", String.join(" ", args), stdout).isNotZero();
        return stderr + stdout;
    }

    /** Runs {@code gepa run CONFIG} in a child JVM and kills it (SIGKILL) once the run has made enough proposals. */
    private static void killAfterProposals(Path config, Path workspace, String runId, int proposals)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", config.toString(), "--no-console",
                "--quiet").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            int seen = 0;
            while (seen < proposals && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                if (Files.exists(workspace.resolve(SqliteWorkspace.FILE_NAME))) {
                    seen = proposalsIn(workspace, runId);
                }
            }
            assertThat(child.isAlive()).as("the child must still be running when killed (saw %d proposals)", seen)
                    .isTrue();
            assertThat(seen).as("proposals before the kill").isGreaterThanOrEqualTo(proposals);
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private static int proposalsIn(Path workspace, String runId) {
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            return ws.reader().run(runId).isPresent() ? ws.reader().proposals(runId).size() : 0;
        } catch (RuntimeException busy) {
            return 0; // the child is creating the workspace right now; look again
        }
    }
}
