package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.containers.CarryArithmeticTask;
import dev.gepa4j.testkit.faults.HostileProxy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gepa run} and {@code gepa check} against containers that misbehave on purpose ({@link HostileProxy} in front
 * of the carry-arithmetic task, all over loopback HTTP, a real sqlite workspace): rows that fail for ever, a route
 * that dribbles, bodies over the cap, a restart in the middle of the seed's pass. Each run ends with a correct result
 * or a clear failure; none hangs (the JUnit timeouts only bound the tests).
 */
class HostileContainerRunTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private ContainerServer upstream;
    private HostileProxy proxy;

    @BeforeEach
    void start() {
        upstream = ContainerServer.start(new CarryArithmeticTask(), ServerOptions.defaults());
        proxy = HostileProxy.start(upstream.url());
    }

    @AfterEach
    void stop() {
        proxy.close();
        upstream.close();
    }

    record Outcome(int exitCode, String out, String err) {
    }

    @Test
    void rowsThatFailForEverLeaveTheTrainSetVisiblyAndTrainIsNotCalledSolved() throws Exception {
        List<Long> seedSolves = trainSeedsTheSeedPromptSolves(true);
        List<Long> seedFails = trainSeedsTheSeedPromptSolves(false).subList(0, 2);
        proxy.failRolloutsForever("train", Set.copyOf(seedFails));
        List<Long> train = new ArrayList<>(seedSolves);
        train.addAll(seedFails);

        Outcome run = gepa("run", config("rows", train, 4, "").toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        int measured = seedSolves.size();
        assertThat(run.out()).contains("stop: every measured train example solved (" + measured + " of "
                        + train.size() + " measured)")
                .doesNotContain("train solved;")
                .contains("train 1.000 -> 1.000 on " + measured + " of " + train.size() + " train examples measured)")
                .contains("; unmeasured: 2 train (train:" + seedFails.get(0) + ": gave up after 4 attempt(s)")
                .contains("HTTP 500");
        JsonNode packet = JSON.readTree(dir.resolve("ws/rows/evidence/packet.json").toFile());
        assertThat(packet.at("/unmeasured")).hasSize(2);
        assertThat(packet.at("/unmeasured/0/example_id").asText()).isEqualTo("train:" + seedFails.get(0));
        assertThat(packet.at("/unmeasured/1/example_id").asText()).isEqualTo("train:" + seedFails.get(1));
        assertThat(packet.at("/unmeasured/0/error").asText()).contains("HTTP 500");
        assertThat(packet.at("/seed/train").asDouble()).as("over the measured examples only").isEqualTo(1.0);
        assertThat(Files.readString(dir.resolve("ws/rows/evidence/report.md")))
                .contains("- unmeasured examples (in no score): 2")
                .contains("  - train `train:" + seedFails.get(0) + "`: `gave up after 4 attempt(s)");
        for (long s : seedFails) {
            assertThat(proxy.rolloutRequests("train", s)).as("sent once, with its retries").isEqualTo(4);
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            List<RolloutRecord> errors = ws.reader().rollouts("rows", 0).stream()
                    .filter(r -> r.result().status() == RolloutStatus.ERROR).toList();
            assertThat(errors).hasSize(2);
        }
        try (var db = java.sql.DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("ws/workspace.sqlite"));
             var rs = db.createStatement().executeQuery("SELECT COUNT(*), COUNT(reward) FROM rollouts "
                     + "WHERE status = 'error'")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(2);
            assertThat(rs.getInt(2)).as("an error row's reward is NULL, never 0").isZero();
        }
        Outcome show = gepa("show", "rows", "--workspace", dir.resolve("ws").toString());
        assertThat(show.exitCode()).as(show.err()).isZero();
        assertThat(show.out()).as("gepa show gives the packet's numbers and names what was not measured")
                .contains("rollouts   " + packet.at("/rollouts/used").asLong() + " used (")
                .contains(packet.at("/rollouts/errors").asLong() + " errors")
                .contains(packet.at("/rollouts/container_calls").asLong() + " container calls")
                .contains("unmeasured 2 train (train:" + seedFails.get(0) + ": gave up after 4 attempt(s)");
        assertThat(packet.at("/rollouts/errors").asLong()).isEqualTo(2);
    }

    @Test
    void noHeldoutResultForAnyPickFailsTheRunNamingTheExamplesAndErrors() throws Exception {
        List<Long> train = trainSeedsTheSeedPromptSolves(true);
        proxy.failRolloutsForever("test", Set.of(0L, 1L, 2L, 3L));

        Outcome run = gepa("run", config("blind", train, 4, "").toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("no heldout result for any of the 1 candidates picked")
                .contains("4 of 4 heldout examples unmeasured: test:0 (")
                .contains("HTTP 500").contains("test:3");
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws"))) {
            assertThat(ws.reader().run("blind").orElseThrow().status().label()).isEqualTo("failed");
        }
    }

    @Test
    void aSeedMeasuredOnFewerThanHalfOfTrainFailsTheRun() throws Exception {
        List<Long> train = LongStream.range(0, 6).boxed().toList();
        proxy.failRolloutsForever("train", Set.of(0L, 1L, 2L, 3L));

        Outcome run = gepa("run", config("half", train, 2, "").toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the seed was measured on 2 of 6 train examples, fewer than half")
                .contains("4 of 6 train examples unmeasured: train:0 (").contains("HTTP 500");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aContainerRestartDuringTheSeedPassIsRiddenOut() throws Exception {
        List<Long> train = LongStream.range(0, 16).boxed().toList();
        proxy.dieAtRollout(3, Duration.ofSeconds(4));

        Outcome run = gepa("run", config("restart", train, 4, """
                [rollout]
                concurrency = 4
                adaptive = false
                """).toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(proxy.died()).isTrue();
        assertThat(run.out()).doesNotContain("unmeasured").contains(" 0 errors, ");
        JsonNode packet = JSON.readTree(dir.resolve("ws/restart/evidence/packet.json").toFile());
        assertThat(packet.at("/unmeasured")).isEmpty();
        assertThat(packet.at("/rollouts/errors").asLong()).isZero();
        assertThat(packet.at("/rollouts/used").asLong()).isEqualTo(20);
        // every attempt is a container call, refused connections while it was away included, so the calls are more
        // than the requests the container saw (each example once, the one answered 503 on the way down twice)
        assertThat(proxy.downtimeMillis()).as("away for a while, within the 30 s reconnect window")
                .isBetween(4_000L, 30_000L);
        assertThat(proxy.requests("/rollout")).as("requests cut on the way down are sent again")
                .isBetween(21L, 25L);
        assertThat(packet.at("/rollouts/container_calls").asLong()).isGreaterThan(21);
        assertThat(run.out()).contains(packet.at("/rollouts/container_calls").asLong() + " container calls");
    }

    @Test
    void oversizedRolloutBodiesAreContractViolationsSentOnceAndNotStored() throws Exception {
        proxy.oversize("/rollout", 6 << 20);
        List<Long> train = LongStream.range(0, 6).boxed().toList();

        Outcome run = gepa("run", config("flood", train, 2, "").toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("the seed was measured on 0 of 6 train examples")
                .contains("not retriable").contains("over the cap of 4194304 bytes");
        assertThat(proxy.requests("/rollout")).as("a contract violation is not retried").isEqualTo(6);
        long stored = Files.size(dir.resolve("ws/workspace.sqlite"));
        assertThat(stored).as("nothing of the 36 MB answered is stored").isLessThan(2L << 20);
    }

    @Test
    void theCapOnContainerCallsStopsTheLoopWithRoomLeftForTheHeldoutPick() throws Exception {
        List<Long> train = LongStream.range(0, 6).boxed().toList();

        Outcome run = gepa("run", config("capped", train, 2, "max_container_calls = 20\n").toString(),
                "--no-console", "--quiet");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("stop: container call cap");
        JsonNode packet = JSON.readTree(dir.resolve("ws/capped/evidence/packet.json").toFile());
        long calls = packet.at("/rollouts/container_calls").asLong();
        assertThat(calls).isLessThanOrEqualTo(20).isEqualTo(proxy.requests("/rollout"));
        assertThat(packet.at("/seed/heldout").isNull()).as("the heldout pick ran").isFalse();
        assertThat(run.out()).contains(calls + " container calls");
    }

    @Test
    @Timeout(value = 180, unit = TimeUnit.SECONDS)
    void aRunWhoseProgramRouteDribblesFailsAtTheDiscoveryDeadline() throws Exception {
        proxy.dribble("/program");

        Outcome run = gepa("run", config("slow", List.of(0L, 1L), 2, "").toString(), "--no-console", "--quiet");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("/program did not answer completely within 30000 ms");
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void checkWithATimeoutEndsWhenARouteDribbles() {
        proxy.dribble("/program");
        CheckCommand command = new CheckCommand();
        StringWriter out = new StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(command);
        cl.setOut(new PrintWriter(out, true));

        int code = cl.execute(proxy.url(), "--timeout", "5");

        assertThat(code).isEqualTo(1);
        assertThat(out.toString()).contains("/program did not answer completely within 5 s")
                .contains("not conformant");
    }

    /** Train seeds of the carry task whose sum needs no carry (the seed prompt solves them) or needs one. */
    private List<Long> trainSeedsTheSeedPromptSolves(boolean solves) {
        CarryArithmeticTask task = new CarryArithmeticTask();
        List<Long> out = new ArrayList<>();
        for (long s = 0; s < 24; s++) {
            String[] ab = task.rows("train", List.of(s)).getFirst().field("text").split(" \\+ ");
            if (noCarry(Integer.parseInt(ab[0]), Integer.parseInt(ab[1])) == solves) {
                out.add(s);
            }
        }
        assertThat(out).as("the task has train examples of both kinds").hasSizeGreaterThanOrEqualTo(2);
        return out;
    }

    private static boolean noCarry(int a, int b) {
        for (; a > 0 || b > 0; a /= 10, b /= 10) {
            if (a % 10 + b % 10 >= 10) {
                return false;
            }
        }
        return true;
    }

    private Path config(String runId, List<Long> trainSeeds, int heldout, String extra) throws Exception {
        Path p = dir.resolve(runId + ".toml");
        Files.writeString(p, """
                [run]
                run_id = "%s"
                workspace = "ws"
                seed = 1
                mode = "serial"
                [container]
                url = "%s"
                [policy]
                provider = "embedded"
                model = "none"
                [dataset]
                train_seeds = %s
                heldout_size = %d
                [gepa]
                max_rollouts = 200
                heldout_top_k = 1
                merge = false
                max_proposals = 3
                %s
                """.formatted(runId, proxy.url(), trainSeeds, heldout, extra));
        return p;
    }

    private static Outcome gepa(String... args) {
        CliRun.Output o = CliRun.run(args);
        return new Outcome(o.code(), o.out(), o.cliErr());
    }
}
