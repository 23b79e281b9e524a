package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.sdk.ContainerServer;
import dev.gepa4j.sdk.ServerOptions;
import dev.gepa4j.testkit.postgres.PostgresExtension;
import dev.gepa4j.testkit.postgres.TestDatabase;
import dev.gepa4j.testkit.synthetic.CountingProxy;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CLI on a PostgreSQL workspace, as users run it: each {@code gepa} command is its own process with the password
 * in {@code PGPASSWORD} (never in the URL), against a real server and the Banking77 container over loopback HTTP,
 * counted on arrival by a {@link CountingProxy}.
 */
@ExtendWith(PostgresExtension.class)
class PostgresWorkspaceEndToEndTest {
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

    private Path config(String runId, String workspace, String url, int seed) throws IOException {
        Path p = dir.resolve(runId + ".toml");
        Files.writeString(p, """
                [run]
                run_id = "%s"
                workspace = "%s"
                seed = %d
                mode = "serial"
                [container]
                url = "%s"
                [policy]
                provider = "embedded"
                [dataset]
                train_size = 12
                heldout_size = 10
                [rollout]
                concurrency = 4
                [gepa]
                max_rollouts = 200
                minibatch_size = 4
                heldout_top_k = 1
                """.formatted(runId, workspace, seed, url));
        return p;
    }

    @Test
    void a_second_run_makes_no_container_call_for_the_first_runs_rollouts_and_every_command_reads_the_database(
            TestDatabase db) throws Exception {
        String url = db.workspaceUrl();
        Path evidence = dir.resolve("evidence");
        List<String> outputs = new ArrayList<>();
        int consolePort = freePort();
        Process console = gepa(db, "console", "--workspace", url, "--port", String.valueOf(consolePort));
        CompletableFuture<String> consoleOutput = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(console.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                return "";
            }
        });
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            outputs.add(ok(db, "run", config("first", url, door.url(), 3).toString(), "--no-console", "--quiet",
                    "--evidence-dir", evidence.toString()));
            long afterFirst = door.requests();
            assertThat(afterFirst).isPositive();

            outputs.add(ok(db, "run", config("second", url, door.url(), 3).toString(), "--no-console", "--quiet",
                    "--evidence-dir", evidence.toString()));
            assertThat(door.requests()).as("container calls of the second run").isEqualTo(afterFirst);

            JsonNode first = packet(evidence, "first");
            JsonNode second = packet(evidence, "second");
            assertThat(second.at("/best/candidate_id")).isEqualTo(first.at("/best/candidate_id"));
            assertThat(second.at("/rollouts/executed").asLong()).isZero();
            assertThat(second.at("/cached_from/first").asLong()).isEqualTo(second.at("/rollouts/cached").asLong())
                    .isPositive();

            String runs = ok(db, "runs", "--workspace", url);
            outputs.add(runs);
            assertThat(runs).contains("first", "second");
            String show = ok(db, "show", "second", "--workspace", url);
            outputs.add(show);
            assertThat(show).contains("second");
            String resumed = ok(db, "resume", "first", "--workspace", url, "--no-console", "--quiet",
                    "--evidence-dir", evidence.toString());
            outputs.add(resumed);
            assertThat(door.requests()).as("a resumed finished run repeats nothing").isEqualTo(afterFirst);

            // the console, started before either run in a process of its own, lists both
            String listed = get("http://127.0.0.1:" + consolePort + "/api/runs");
            assertThat(listed).contains("\"first\"", "\"second\"");
        } finally {
            console.destroy();
            console.waitFor(30, TimeUnit.SECONDS);
        }
        outputs.add(consoleOutput.get(30, TimeUnit.SECONDS));
        assertThat(outputs.getLast()).contains("run console for postgresql://");
        assertThat(outputs).allSatisfy(o -> assertThat(o).doesNotContain(db.password()));
        try (Stream<Path> files = Files.walk(evidence)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(db.password());
            }
        }
        assertThat(packet(evidence, "first").toString()).doesNotContain(db.password());
    }

    @Test
    void two_identical_runs_started_together_never_execute_one_rollout_twice(TestDatabase db) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA together");
        }
        String url = db.workspaceUrl() + "?currentSchema=together";
        Path evidence = dir.resolve("evidence-together");
        try (CountingProxy door = CountingProxy.start(banking.url())) {
            List<Process> both = new ArrayList<>();
            for (String run : List.of("left", "right")) {
                both.add(gepa(db, "run", config(run, url, door.url(), 5).toString(), "--no-console", "--quiet",
                        "--evidence-dir", evidence.toString()));
            }
            for (Process p : both) {
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
                assertThat(p.exitValue()).as(out).isZero();
                assertThat(out).doesNotContain(db.password());
            }
            JsonNode left = packet(evidence, "left");
            JsonNode right = packet(evidence, "right");
            assertThat(right.at("/best/candidate_id")).isEqualTo(left.at("/best/candidate_id"));
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("SET search_path TO together");
                try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM (SELECT cache_key FROM rollouts WHERE "
                        + "cached = 0 AND status <> 'error' GROUP BY cache_key HAVING COUNT(DISTINCT run_id) > 1) x")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("cache keys executed by both runs").isZero();
                }
                try (ResultSet rs = s.executeQuery("SELECT COUNT(DISTINCT cache_key), SUM(attempts) FROM rollouts")) {
                    rs.next();
                    assertThat(door.requests()).as("container calls of both runs together")
                            .isEqualTo(rs.getLong(1)).isEqualTo(rs.getLong(2));
                }
            }
            long fromRight = left.at("/cached_from/right").asLong();
            long fromLeft = right.at("/cached_from/left").asLong();
            assertThat(left.at("/rollouts/executed").asLong() + right.at("/rollouts/executed").asLong())
                    .as("each rollout executed once, by one of them").isEqualTo(left.at("/rollouts/used").asLong());
            assertThat(fromRight).isEqualTo(left.at("/rollouts/cached").asLong());
            assertThat(fromLeft).isEqualTo(right.at("/rollouts/cached").asLong());
        }
    }

    /** Starts {@code gepa ARGS} as its own process with the password in PGPASSWORD, output merged. */
    private Process gepa(TestDatabase db, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
        pb.environment().put("PGPASSWORD", db.password());
        return pb.start();
    }

    private String ok(TestDatabase db, String... args) throws Exception {
        Process p = gepa(db, args);
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as("gepa %s:%n%s", String.join(" ", args), out).isZero();
        return out;
    }

    private static JsonNode packet(Path evidence, String runId) throws IOException {
        return JSON.readTree(evidence.resolve(runId).resolve("evidence/packet.json").toFile());
    }

    private static String get(String url) throws Exception {
        try (HttpClient http = HttpClient.newHttpClient()) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (true) {
                try {
                    return http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                            HttpResponse.BodyHandlers.ofString()).body();
                } catch (IOException notYet) {
                    if (System.nanoTime() > deadline) {
                        throw notYet;
                    }
                    Thread.sleep(100);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
