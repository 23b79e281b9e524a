package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs untrusted Python programs, each in a fresh folder under limits. Thread-safe: up to {@link #SLOTS} runs at once
 * on the machine (all sandboxes of all processes together: each run leases a user id, see {@link UserIdLeases}),
 * more wait for a slot. What each run gets:
 * <ul>
 *   <li>a new folder (mode 0700) as working directory and HOME, with {@code tmp/} as TMPDIR, deleted afterwards;</li>
 *   <li>an environment holding only PATH, LANG, HOME and TMPDIR (nothing of this process's environment, so no key);</li>
 *   <li>its own session and process group; at the wall-clock limit, and again whenever it ends, every process of the
 *       run is killed ({@link ProcessReaper});</li>
 *   <li>CPU-time, address-space, file-size, process-count and core limits, set by the runner before the program
 *       starts ({@code setrlimit}, inherited by all its children);</li>
 *   <li>where the machine allows it ({@link SandboxIsolation}): an unprivileged user id of its own and an empty
 *       network namespace;</li>
 *   <li>optionally, the Python-level guards: an audit hook refusing writes outside the folder, reading
 *       {@code ~/.ssh} and the home folder of the user running gepa4j, sockets, starting programs and ctypes. It is a
 *       second layer, not a boundary: code that defeats the hook still meets what the OS enforces.</li>
 * </ul>
 * The program passes only when it runs to its end: the runner prints a token read from stdin after the program
 * finished, so a program that exits early does not pass.
 */
public final class PythonSandbox implements AutoCloseable {
    /** Runs at once; a run under its own user id holds one of that many ids. */
    public static final int SLOTS = 64;
    /** The first of the {@link #SLOTS} user ids runs use when gepa4j runs as root (64100..64163, unused by Debian). */
    public static final int FIRST_UID = 64_100;
    private static final String RUNNER = "runner.py";
    private static final Duration SLOT_WAIT = Duration.ofMinutes(10);

    private final SandboxIsolation isolation;
    private final SandboxLimits limits;
    private final boolean pythonGuards;
    /** Sandbox folders of this JVM not yet closed; a shutdown hook deletes them (a container ended by Ctrl-C). */
    private static final Set<Path> OPEN_ROOTS = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN_ROOTS.forEach(OutsideWrites::delete),
                "gepa4j-sandbox-cleanup"));
    }

    private final AtomicInteger running = new AtomicInteger();
    private final Path root;
    private final byte[] runner;

    private PythonSandbox(SandboxIsolation isolation, SandboxLimits limits, boolean pythonGuards) {
        this.isolation = isolation;
        this.limits = limits;
        this.pythonGuards = pythonGuards;
        try (InputStream in = PythonSandbox.class.getResourceAsStream(RUNNER)) {
            this.runner = in.readAllBytes();
            this.root = Files.createTempDirectory("gepa4j-sandbox-");
            Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwx--x--x"));
            Files.createDirectory(root.resolve("logs"), PosixFilePermissions.asFileAttribute(
                    PosixFilePermissions.fromString("rwx------")));
            OPEN_ROOTS.add(root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the sandbox folder", e);
        }
    }

    /**
     * Probes this machine and returns a sandbox with the Python-level guards on.
     *
     * @throws PythonMissingException when no working python3 is found; the message says what to install
     */
    public static PythonSandbox start(SandboxLimits limits) {
        return start(limits, true);
    }

    /** As {@link #start(SandboxLimits)}; {@code pythonGuards = false} leaves only what the OS enforces (for tests). */
    public static PythonSandbox start(SandboxLimits limits, boolean pythonGuards) {
        Integer uid;
        try {
            uid = UserIdLeases.acquire(FIRST_UID, SLOTS, SLOT_WAIT); // the probe runs under an id no run holds
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a sandbox user id to probe with", e);
        }
        if (uid == null) {
            throw new IllegalStateException("no sandbox user id came free within " + SLOT_WAIT.toMinutes() + " minutes");
        }
        try {
            return new PythonSandbox(IsolationProbe.probe(System.getenv(), uid), limits, pythonGuards);
        } finally {
            UserIdLeases.release(uid);
        }
    }

    public SandboxIsolation isolation() {
        return isolation;
    }

    public SandboxLimits limits() {
        return limits;
    }

    /** The folder under which each run gets its own; runs delete theirs. */
    public Path root() {
        return root;
    }

    /** How many runs are in progress now (a folder prepared or a program running). */
    public int running() {
        return running.get();
    }

    /** Deletes the sandbox's folder; runs still going lose theirs. */
    @Override
    public void close() {
        OPEN_ROOTS.remove(root);
        OutsideWrites.delete(root);
    }

    /** Runs {@code program} (Python source) in a fresh folder; never throws for anything the program does. */
    public SandboxRun run(String program) throws InterruptedException {
        Integer uid = UserIdLeases.acquire(FIRST_UID, SLOTS, SLOT_WAIT);
        if (uid == null) {
            throw new IllegalStateException("no sandbox slot came free within " + SLOT_WAIT.toMinutes() + " minutes");
        }
        boolean reusable = false;
        running.incrementAndGet();
        String id = UUID.randomUUID().toString();
        String token = UUID.randomUUID().toString(); // never in a path the program can see
        Path folder = root.resolve("run-" + id);
        Path out = root.resolve("logs/" + id + ".out");
        Path err = root.resolve("logs/" + id + ".err");
        try {
            prepare(folder, program, uid);
            long started = System.nanoTime();
            Process process = launch(folder, uid, out, err, token);
            boolean finished = process.waitFor(limits.wallClock().toMillis(), TimeUnit.MILLISECONDS);
            int leftovers = ProcessReaper.killAll(process, isolation.ownUserIds() ? uid : -1);
            process.waitFor(5, TimeUnit.SECONDS);
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
            List<String> outside = isolation.ownUserIds() ? OutsideWrites.removeAll(uid, root) : List.of();
            reusable = leftovers == 0; // a user id with processes left is never handed out again
            String stdout = tail(out);
            String stderr = tail(err);
            int exit = finished ? process.exitValue() : -1;
            return new SandboxRun(ending(finished, exit, stdout, token), exit, stdout.replace(token, "").strip(), stderr,
                    outside, leftovers, elapsed);
        } finally {
            OutsideWrites.delete(folder);
            OutsideWrites.delete(out);
            OutsideWrites.delete(err);
            running.decrementAndGet();
            if (reusable || !isolation.ownUserIds()) {
                UserIdLeases.release(uid);
            }
        }
    }

    private void prepare(Path folder, String program, int uid) {
        try {
            Files.createDirectory(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.createDirectory(folder.resolve("tmp"));
            Files.writeString(folder.resolve("program.py"), program, StandardCharsets.UTF_8);
            Files.write(folder.resolve(RUNNER), runner);
            if (isolation.ownUserIds()) {
                for (Path p : List.of(folder, folder.resolve("tmp"), folder.resolve("program.py"), folder.resolve(RUNNER))) {
                    Files.setAttribute(p, "unix:uid", uid);
                    Files.setAttribute(p, "unix:gid", uid);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the rollout folder " + folder, e);
        }
    }

    private Process launch(Path folder, int uid, Path out, Path err, String token) {
        List<String> cmd = new ArrayList<>(IsolationProbe.launch(isolation.python(), isolation.setsid(),
                isolation.ownUserIds(), isolation.noNetwork(), uid));
        int processes = isolation.ownUserIds() ? limits.processes() : UserTasks.count() + limits.processes();
        cmd.addAll(List.of("-I", "-S", RUNNER, Integer.toString(limits.cpuSeconds()),
                Long.toString(limits.addressSpace()), Long.toString(limits.fileSize()), Integer.toString(processes),
                pythonGuards ? "1" : "0", System.getProperty("user.home", "")));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(folder.toFile())
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        Map<String, String> env = pb.environment();
        env.clear();
        env.put("PATH", "/usr/local/bin:/usr/bin:/bin");
        env.put("LANG", "C.UTF-8");
        env.put("HOME", folder.toString());
        env.put("TMPDIR", folder.resolve("tmp").toString());
        try {
            Process process = pb.start();
            try (OutputStream stdin = process.getOutputStream()) {
                stdin.write((token + "\n").getBytes(StandardCharsets.UTF_8));
            } catch (IOException exitedAlready) {
                // the program ended before reading its token; the ending says so
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + isolation.python() + " for the sandbox", e);
        }
    }

    private static SandboxRun.Ending ending(boolean finished, int exit, String stdout, String token) {
        if (!finished) {
            return SandboxRun.Ending.TIMED_OUT;
        }
        return switch (exit) {
            case 0 -> stdout.lines().anyMatch(token::equals) ? SandboxRun.Ending.COMPLETED
                    : SandboxRun.Ending.EXITED_EARLY;
            case SandboxRun.SIGXCPU_EXIT -> SandboxRun.Ending.CPU_LIMIT;
            case SandboxRun.SIGXFSZ_EXIT -> SandboxRun.Ending.FILE_SIZE_LIMIT;
            default -> exit > 128 ? SandboxRun.Ending.KILLED : SandboxRun.Ending.RAISED;
        };
    }

    /** The last {@link SandboxLimits#outputTailChars()} bytes of a file, as text. */
    private String tail(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long size = f.length();
            int n = (int) Math.min(size, limits.outputTailChars());
            byte[] buf = new byte[n];
            f.seek(size - n);
            f.readFully(buf);
            String text = new String(buf, StandardCharsets.UTF_8);
            return size > n ? "[... " + (size - n) + " earlier bytes cut]\n" + text : text;
        } catch (IOException e) {
            return "";
        }
    }
}
