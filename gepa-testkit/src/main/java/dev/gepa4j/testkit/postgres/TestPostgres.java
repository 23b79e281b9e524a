package dev.gepa4j.testkit.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL server: {@code initdb} into a temporary folder, {@code pg_ctl start} on a free loopback port
 * with fsync off (tests do not survive power cuts anyway), password authentication for one role, stopped and deleted
 * by {@link #close}. {@code initdb} and {@code postgres} refuse to run as root, so as root (CI, this machine) both run
 * as the {@code postgres} system user through {@code runuser}, on a folder that user owns.
 *
 * <p>Binaries: {@code GEPA_PG_BIN} if set, else the newest {@code /usr/lib/postgresql/<ver>/bin} (Debian keeps them off
 * the PATH), else {@code initdb} on the PATH.
 */
public final class TestPostgres implements AutoCloseable {
    /** Why PostgreSQL tests are skipped on a machine without the binaries. */
    public static final String NO_BINARIES = "no PostgreSQL binaries found (GEPA_PG_BIN, /usr/lib/postgresql/*/bin, "
            + "initdb on PATH): PostgreSQL workspace tests skipped; install Debian's postgresql package to run them";
    private static final String USER = "gepa";
    private static final String RUN_AS = "postgres";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final String password;
    private final boolean asRoot;
    private final AtomicInteger databases = new AtomicInteger();
    private volatile boolean stopped;

    private TestPostgres(Path bin, Path dir, int port, String password, boolean asRoot) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.password = password;
        this.asRoot = asRoot;
    }

    /** The folder holding {@code initdb}, {@code pg_ctl} and {@code postgres}, if this machine has one. */
    public static Optional<Path> binaries() {
        String env = System.getenv("GEPA_PG_BIN");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env)).filter(p -> Files.isExecutable(p.resolve("initdb")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.map(v -> v.resolve("bin"))
                        .filter(b -> Files.isExecutable(b.resolve("initdb")))
                        .max(Comparator.comparingInt(TestPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (!p.isBlank() && Files.isExecutable(Path.of(p, "initdb"))) {
                return Optional.of(Path.of(p).toAbsolutePath());
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path bin) {
        try {
            return Integer.parseInt(bin.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Starts a server; throws {@link IllegalStateException} with the server's own output when it cannot. */
    public static TestPostgres start() {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException(NO_BINARIES));
        boolean asRoot = "root".equals(System.getProperty("user.name"));
        try {
            Path dir = Files.createTempDirectory("gepa-pg-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Path pwfile = dir.resolve("pwfile");
            String password = "pw-" + UUID.randomUUID();
            Files.writeString(pwfile, password + "\n", StandardCharsets.UTF_8);
            if (asRoot) {
                exec(List.of("chown", "-R", RUN_AS + ":" + RUN_AS, dir.toString()), false, 30);
            }
            int port = freePort();
            TestPostgres server = new TestPostgres(bin, dir, port, password, asRoot);
            server.pg(List.of(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-U", USER,
                    "--pwfile=" + pwfile, "-A", "scram-sha-256", "-E", "UTF8", "--no-sync"), 120);
            Files.deleteIfExists(pwfile);
            String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off "
                    + "-c synchronous_commit=off -c full_page_writes=off -c max_connections=300";
            server.pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o", options,
                    "-l", dir.resolve("server.log").toString(), "-w", "-t", "120", "start"), 180);
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "gepa-test-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare a folder for the test PostgreSQL server", e);
        }
    }

    /** Creates a fresh database named after {@code hint}, owned by the test role. */
    public TestDatabase createDatabase(String hint) {
        String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + databases.incrementAndGet())
                .toLowerCase(Locale.ROOT);
        name = name.length() > 60 ? name.substring(0, 60) : name;
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres",
                credentials()); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + name + " on the test server: "
                    + e.getMessage(), e);
        }
        return new TestDatabase("127.0.0.1", port, name, USER, password);
    }

    /** User and password as JDBC properties. */
    public Properties credentials() {
        Properties p = new Properties();
        p.setProperty("user", USER);
        p.setProperty("password", password);
        return p;
    }

    public int port() {
        return port;
    }

    /** Stops the server (fast shutdown) and deletes its folder; safe to call twice. */
    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            pg(List.of(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "immediate",
                    "-w", "stop"), 60);
        } catch (RuntimeException e) {
            System.err.println("test PostgreSQL server did not stop cleanly: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder; the OS cleans it eventually
        }
    }

    private void pg(List<String> command, int timeoutSeconds) {
        exec(command, asRoot, timeoutSeconds);
    }

    private static void exec(List<String> command, boolean asPostgresUser, int timeoutSeconds) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", RUN_AS, "--"));
        }
        full.addAll(command);
        try {
            Process p = new ProcessBuilder(full).redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", full) + " took over " + timeoutSeconds + " s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", full) + " failed (exit " + p.exitValue() + "):\n"
                        + new String(out, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + full.getFirst(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted running " + full.getFirst(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
