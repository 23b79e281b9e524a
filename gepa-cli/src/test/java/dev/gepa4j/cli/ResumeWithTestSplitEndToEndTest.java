package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.synthetic.CountingProxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run with a test split, killed (SIGKILL, in a child JVM) during or just before its test evaluation and resumed with
 * {@code gepa resume}: every test rollout is in the journal once, the test block is the one the run left alone
 * reports, and the resumed process does not charge the test rollouts already done to the optimization budget
 * ({@code max_rollouts} counts the loop's rollouts only; the test evaluation has a budget of its own). The Banking77
 * container runs in this JVM behind a {@link CountingProxy}, so requests are counted per rollout id across processes.
 */
class ResumeWithTestSplitEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int TEST_ROWS = 150;
    private static final Pattern SPENT = Pattern.compile("budget (\\d+) rollouts \\((\\d+) spent\\)");
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

    @Test
    void killed_during_the_test_evaluation_resumes_without_repeating_or_charging_its_test_rollouts() throws Exception {
        JsonNode whole = wholeRun();
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            Path cfg = config("killed.toml", "ws-killed", door.url());
            List<RolloutRecord> beforeResume = killOnceJournaled(cfg, dir.resolve("ws-killed"),
                    r -> r.stage() == Stage.TEST);
            List<RolloutRecord> testBefore = beforeResume.stream().filter(r -> r.stage() == Stage.TEST).toList();
            assertThat(testBefore).as("test rollouts journaled before the kill").isNotEmpty()
                    .hasSizeLessThan(2 * TEST_ROWS);
            long optimizationBefore = beforeResume.stream().filter(r -> r.stage() != Stage.TEST)
                    .filter(r -> r.result().status() != RolloutStatus.ERROR).count();
            Map<String, Integer> requestsBefore = door.requestsById();

            CliRun.Output resumed = CliRun.run("resume", "t", "--workspace", dir.resolve("ws-killed").toString(),
                    "--no-console", "--quiet");

            assertThat(resumed.code()).as("gepa resume; stderr:%n%s", resumed.allErr()).isZero();
            Matcher spent = SPENT.matcher(resumed.systemErr());
            assertThat(spent.find()).as("the resume line; stderr:%n%s", resumed.systemErr()).isTrue();
            assertThat(Long.parseLong(spent.group(2))).as("optimization rollouts the resumed budget starts from "
                    + "(%d test rollouts were done before the kill)", testBefore.size()).isEqualTo(optimizationBefore);
            assertResumedLikeWhole(whole, door, requestsBefore, Set.copyOf(testBefore.stream()
                    .map(r -> r.result().rolloutId()).toList()));
        }
    }

    @Test
    void killed_before_the_test_evaluation_runs_it_once_on_resume() throws Exception {
        JsonNode whole = wholeRun();
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            Path cfg = config("killed.toml", "ws-killed", door.url());
            List<RolloutRecord> beforeResume = killOnceJournaled(cfg, dir.resolve("ws-killed"),
                    r -> r.stage() == Stage.HELDOUT);
            assertThat(beforeResume).as("no test rollout before the kill, during the heldout evaluation")
                    .noneMatch(r -> r.stage() == Stage.TEST);
            Map<String, Integer> requestsBefore = door.requestsById();

            CliRun.Output resumed = CliRun.run("resume", "t", "--workspace", dir.resolve("ws-killed").toString(),
                    "--no-console", "--quiet");

            assertThat(resumed.code()).as("gepa resume; stderr:%n%s", resumed.allErr()).isZero();
            assertResumedLikeWhole(whole, door, requestsBefore, Set.of());
        }
    }

    /** The same run left alone, in a workspace of its own; its packet. */
    private JsonNode wholeRun() throws Exception {
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            CliRun.Output o = CliRun.run("run", config("whole.toml", "ws-whole", door.url()).toString(),
                    "--no-console", "--quiet");
            assertThat(o.code()).as("the run left alone; stderr:%n%s", o.allErr()).isZero();
        }
        JsonNode whole = packet("ws-whole");
        assertThat(whole.at("/test/n").asInt()).as("the whole run's test rows").isEqualTo(TEST_ROWS);
        assertThat(whole.at("/best/candidate_id").asText()).as("a pick other than the seed, so the test evaluation "
                + "runs two candidates").isNotEqualTo(whole.at("/seed/candidate_id").asText());
        return whole;
    }

    /**
     * Journal after the resume: each test rollout once, the seed's and the pick's on every test row; each test
     * rollout committed before the kill not requested again; the packet's result and test block as the run left alone.
     */
    private void assertResumedLikeWhole(JsonNode whole, CountingProxy door, Map<String, Integer> requestsBefore,
                                        Set<String> testCommittedBefore) throws Exception {
        JsonNode resumed = packet("ws-killed");
        for (String field : List.of("/best/candidate_id", "/best/heldout", "/seed/heldout", "/stop_reason",
                "/test/n", "/test/seed", "/test/best", "/test/lift", "/test/p_value", "/test/ci95",
                "/rollouts/used", "/rollouts/test")) {
            assertThat(resumed.at(field)).as(field).isEqualTo(whole.at(field));
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(dir.resolve("ws-killed"))) {
            List<RolloutRecord> test = ws.reader().rollouts("t", 0).stream()
                    .filter(r -> r.stage() == Stage.TEST).toList();
            Map<String, Long> perKey = test.stream().collect(Collectors.groupingBy(RolloutRecord::cacheKey,
                    Collectors.counting()));
            assertThat(perKey.values()).as("journal rows per test cache key").allMatch(n -> n == 1);
            assertThat(test).as("the seed and the pick on every test row").hasSize(2 * TEST_ROWS);
            assertThat(test.stream().map(r -> r.result().candidateId()).collect(Collectors.toSet()))
                    .containsExactlyInAnyOrder(whole.at("/seed/candidate_id").asText(),
                            whole.at("/best/candidate_id").asText());
        }
        Map<String, Integer> requests = door.requestsById();
        for (String id : testCommittedBefore) {
            assertThat(requests.get(id)).as("requests for test rollout %s, journaled before the kill", id)
                    .isEqualTo(requestsBefore.get(id)).isEqualTo(1);
        }
    }

    /** A serial offline run with a test split; one rollout at a time, so the same config gives the same run. */
    private Path config(String name, String workspace, String url) throws Exception {
        Path p = dir.resolve(name);
        Files.writeString(p, """
                [run]
                run_id = "t"
                workspace = "%s"
                seed = 3
                mode = "serial"
                [container]
                url = "%s"
                [policy]
                provider = "embedded"
                [dataset]
                train_size = 12
                heldout_size = 10
                test_size = %d
                [rollout]
                concurrency = 1
                adaptive = false
                [gepa]
                max_rollouts = 200
                minibatch_size = 4
                heldout_top_k = 1
                """.formatted(workspace, url, TEST_ROWS));
        return p;
    }

    private JsonNode packet(String workspace) throws Exception {
        return JSON.readTree(dir.resolve(workspace).resolve("t").resolve("evidence/packet.json").toFile());
    }

    /**
     * Runs {@code gepa run CONFIG} in a child JVM, kills it (SIGKILL) as soon as its journal holds a row matching
     * {@code killWhen}, and returns the journal as the kill left it.
     */
    private static List<RolloutRecord> killOnceJournaled(Path config, Path workspace, Predicate<RolloutRecord> killWhen)
            throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), Main.class.getName(), "run", config.toString(), "--no-console",
                "--quiet").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
            boolean seen = false;
            while (!seen && child.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(20);
                seen = journal(workspace).stream().anyMatch(killWhen);
            }
            assertThat(seen).as("the awaited rollout journaled before the deadline").isTrue();
            assertThat(child.isAlive()).as("the child must still be running when killed").isTrue();
        } finally {
            child.destroyForcibly();
            child.waitFor(30, TimeUnit.SECONDS);
        }
        return journal(workspace);
    }

    private static List<RolloutRecord> journal(Path workspace) {
        if (!Files.exists(workspace.resolve(SqliteWorkspace.FILE_NAME))) {
            return List.of();
        }
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            return ws.reader().run("t").isPresent() ? ws.reader().rollouts("t", 0) : List.of();
        } catch (RuntimeException busy) {
            return List.of(); // the child is creating the workspace right now; look again
        }
    }
}
