package dev.gepa4j.tasks.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The sandbox against hostile programs, with real python3 subprocesses. Each hostile case must end as a run that did
 * not pass, with a reason naming what stopped it, and leave nothing running; the OS-only cases (guards off) run where
 * the probe found the OS layer, and say so when skipped.
 */
@Timeout(300)
class PythonSandboxTest {
    private static final SandboxLimits LIMITS = new SandboxLimits(Duration.ofSeconds(8), 2, 512L << 20, 1L << 20, 32,
            1_500);
    private static PythonSandbox guarded;
    private static PythonSandbox osOnly;

    @BeforeAll
    static void start() {
        guarded = PythonSandbox.start(LIMITS, true);
        osOnly = PythonSandbox.start(LIMITS, false);
        System.out.println("sandbox isolation here: " + String.join("; ", guarded.isolation().describe()));
    }

    @AfterAll
    static void stop() {
        guarded.close();
        osOnly.close();
    }

    @Test
    void aProgramThatRunsToItsEndPassesAndItsFolderIsDeleted() throws Exception {
        SandboxRun run = guarded.run("def add(a, b):\n    return a + b\nassert add(2, 3) == 5\nprint('hello')\n");
        assertThat(run.ending()).as(run.stderrTail()).isEqualTo(SandboxRun.Ending.COMPLETED);
        assertThat(run.passed()).isTrue();
        assertThat(run.stdoutTail()).isEqualTo("hello");
        try (var left = Files.list(guarded.root())) {
            assertThat(left.filter(p -> p.getFileName().toString().startsWith("run-"))).isEmpty();
        }
    }

    @Test
    void aFailedAssertionIsReportedWithWhatTheCallReturned() throws Exception {
        SandboxRun run = guarded.run("def f(xs):\n    return len(xs) + 1\n\ndef check(candidate):\n"
                + "    assert candidate([]) == 0\n\ncheck(f)\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.RAISED);
        assertThat(run.stderrTail()).contains("assert candidate([]) == 0").contains("AssertionError")
                .contains("candidate([]) returned 1");
    }

    @Test
    void aProgramThatExitsBeforeItsTestsDoesNotPass() throws Exception {
        SandboxRun run = guarded.run("import os\nos._exit(0)\nassert False\n");
        assertThat(run.ending()).isEqualTo(SandboxRun.Ending.EXITED_EARLY);
        assertThat(run.passed()).isFalse();
        assertThat(run.reason(LIMITS)).contains("before its tests finished");
    }

    @Test
    void aProgramThatReplacesSysStdoutStillPassesWhenItRunsToItsEnd() throws Exception {
        SandboxRun run = guarded.run("import io, sys\nsys.stdout = io.StringIO()\nprint('swallowed')\n");
        assertThat(run.ending()).as(run.stderrTail()).isEqualTo(SandboxRun.Ending.COMPLETED);
    }

    @Test
    void anEndlessLoopEndsAtTheCpuOrWallClockLimit() throws Exception {
        SandboxRun run = guarded.run("while True:\n    pass\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.ending()).isIn(SandboxRun.Ending.CPU_LIMIT, SandboxRun.Ending.TIMED_OUT,
                SandboxRun.Ending.KILLED);
        assertThat(run.reason(LIMITS)).containsAnyOf("CPU-time limit", "wall-clock", "SIGKILL");
        assertThat(run.leftovers()).isZero();
    }

    @Test
    void aSleepingProgramIsKilledAtTheWallClockLimitWithItsChildren() throws Exception {
        SandboxRun run = guarded.run("import os, time\nif os.fork() == 0:\n    os.setsid()\n    time.sleep(600)\n"
                + "time.sleep(600)\n");
        assertThat(run.ending()).as(run.stderrTail()).isEqualTo(SandboxRun.Ending.TIMED_OUT);
        assertThat(run.reason(LIMITS)).contains("8 s of wall-clock time").contains("killed");
        assertThat(run.leftovers()).isZero();
        assertThat(guarded.run("print(1)\n").passed()).isTrue();
    }

    @Test
    void aForkBombIsBoundedAndKilledAndTheSandboxKeepsWorking() throws Exception {
        SandboxRun run = guarded.run("import os\nwhile True:\n    try:\n        os.fork()\n"
                + "    except OSError:\n        pass\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.ending()).isIn(SandboxRun.Ending.TIMED_OUT, SandboxRun.Ending.CPU_LIMIT,
                SandboxRun.Ending.KILLED);
        assertThat(run.leftovers()).as("processes left after the kill").isZero();
        assertThat(guarded.run("print('still up')\n").stdoutTail()).isEqualTo("still up");
    }

    @Test
    void aFourGigabyteAllocationFailsAsOutOfMemory() throws Exception {
        SandboxRun run = guarded.run("b = bytearray(4 * 1024 ** 3)\nprint(len(b))\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.stderrTail()).contains("MemoryError");
        assertThat(run.reason(LIMITS)).contains("ran out of memory").contains("512 MB");
    }

    @Test
    void aFileLargerThanTheLimitEndsTheRun() throws Exception {
        SandboxRun run = guarded.run("with open('big.bin', 'wb') as f:\n    f.write(b'x' * (4 * 1024 * 1024))\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.ending()).isIn(SandboxRun.Ending.FILE_SIZE_LIMIT, SandboxRun.Ending.RAISED);
        assertThat(run.reason(LIMITS) + run.stderrTail()).containsAnyOf("file-size limit", "File too large");
    }

    @Test
    void theEnvironmentHoldsNoInheritedVariable() throws Exception {
        SandboxRun run = guarded.run("import os\nprint(sorted(os.environ))\nprint(os.getcwd() == os.environ['HOME'])\n");
        assertThat(run.passed()).as(run.stderrTail()).isTrue();
        assertThat(run.stdoutTail()).isEqualTo("['HOME', 'LANG', 'PATH', 'TMPDIR']\nTrue");
    }

    @Test
    void writingOutsideTheFolderIsRefusedByTheGuards() throws Exception {
        Path target = Path.of("/tmp/gepa-sandbox-test-" + UUID.randomUUID());
        SandboxRun run = guarded.run("open('" + target + "', 'w').write('x')\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.reason(LIMITS)).contains("writing outside the rollout folder is not allowed");
        assertThat(target).doesNotExist();
        SandboxRun home = guarded.run("import os\nopen(os.path.expanduser('~') + '/../../x', 'w')\n");
        assertThat(home.reason(LIMITS)).contains("writing outside the rollout folder");
    }

    @Test
    void writingOutsideTheFolderIsFoundByOwnerAndUndoneWithoutTheGuards() throws Exception {
        assumeTrue(osOnly.isolation().ownUserIds(), "runs have no user id of their own here (needs root and setpriv)");
        Path target = Path.of("/tmp/gepa-sandbox-test-" + UUID.randomUUID());
        SandboxRun run = osOnly.run("open('" + target + "', 'w').write('x')\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.outsideWrites()).contains(target.toString());
        assertThat(run.reason(LIMITS)).contains("wrote outside its rollout folder");
        assertThat(target).doesNotExist();
        SandboxRun home = osOnly.run("open('" + System.getProperty("user.home") + "/gepa-sandbox-x', 'w')\n");
        assertThat(home.passed()).isFalse();
        assertThat(home.stderrTail()).contains("Permission denied");
    }

    @Test
    void readingSshKeysIsRefusedByTheGuards() throws Exception {
        SandboxRun run = guarded.run("import os\nprint(open('" + System.getProperty("user.home")
                + "/.ssh/id_rsa').read())\n");
        assertThat(run.passed()).isFalse();
        assertThat(run.reason(LIMITS)).contains("the sandbox refused it: reading").contains(".ssh");
        SandboxRun listing = guarded.run("import os\nprint(os.listdir(os.path.expanduser('/root/.ssh')))\n");
        assertThat(listing.passed()).isFalse();
    }

    @Test
    void readingAnotherUsersPrivateFolderIsDeniedByTheOs() throws Exception {
        assumeTrue(osOnly.isolation().ownUserIds(), "runs have no user id of their own here (needs root and setpriv)");
        Path home = Files.createTempDirectory("fake-home-");
        try {
            Path ssh = Files.createDirectory(home.resolve(".ssh"),
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            Files.writeString(ssh.resolve("id_test"), "PRIVATE KEY");
            SandboxRun run = osOnly.run("print(open('" + ssh.resolve("id_test") + "').read())\n");
            assertThat(run.passed()).isFalse();
            assertThat(run.stdoutTail()).doesNotContain("PRIVATE KEY");
            assertThat(run.reason(LIMITS)).contains("Permission denied");
        } finally {
            OutsideWrites.delete(home);
        }
    }

    @Test
    void aSocketToLoopbackIsRefusedByTheGuards() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SandboxRun run = guarded.run(connectTo(server.getLocalPort()));
            assertThat(run.passed()).isFalse();
            assertThat(run.reason(LIMITS)).contains("network access is not allowed");
            assertNothingConnected(server);
        }
    }

    @Test
    void aSocketToLoopbackFindsNoNetworkWithoutTheGuards() throws Exception {
        assumeTrue(osOnly.isolation().noNetwork(), "no network namespaces here (unshare -n is not permitted)");
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SandboxRun run = osOnly.run(connectTo(server.getLocalPort()));
            assertThat(run.passed()).isFalse();
            assertThat(run.stderrTail()).containsAnyOf("Network is unreachable", "Connection refused");
            assertNothingConnected(server);
        }
    }

    @Test
    void noPythonMeansAMessageSayingWhatToInstall() {
        assertThatThrownBy(() -> IsolationProbe.probe(Map.of(IsolationProbe.PYTHON_ENV, "/nonexistent/python3"),
                PythonSandbox.FIRST_UID))
                .isInstanceOf(PythonMissingException.class)
                .hasMessageContaining("no working python3 was found")
                .hasMessageContaining("apt-get install python3");
    }

    private static String connectTo(int port) {
        return "import socket\ns = socket.create_connection(('127.0.0.1', " + port + "), timeout=3)\n"
                + "s.sendall(b'hello')\n";
    }

    private static void assertNothingConnected(ServerSocket server) throws IOException {
        server.setSoTimeout(200);
        try {
            server.accept().close();
            throw new AssertionError("a sandboxed program connected to 127.0.0.1:" + server.getLocalPort());
        } catch (SocketTimeoutException expected) {
            // nobody came
        }
    }
}
