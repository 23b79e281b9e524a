package dev.gepa4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.runtime.workspace.SqliteWorkspace;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A port already taken (a real socket bound on 127.0.0.1) makes each server command end with exit 1 and one line
 * saying what and what to do, never a stack trace called a bug; the demo loses nothing (no run is registered).
 */
class PortInUseTest {
    @TempDir
    Path dir;

    private ServerSocket taken;

    @BeforeEach
    void takeAPort() throws Exception {
        taken = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    }

    @AfterEach
    void freeIt() throws Exception {
        taken.close();
    }

    @Test
    void the_llm_test_double_says_the_port_is_in_use_in_one_line() {
        assertOneLineAboutThePort("test-double", "openai", "--port", port());
    }

    @Test
    void serve_says_the_port_is_in_use_in_one_line() {
        assertOneLineAboutThePort("serve", "banking77", "--port", port());
    }

    @Test
    void console_says_the_port_is_in_use_in_one_line() throws Exception {
        try (SqliteWorkspace ignored = SqliteWorkspace.open(dir)) {
            // creates workspace.sqlite
        }
        assertOneLineAboutThePort("console", "--workspace", dir.toString(), "--port", port());
    }

    @Test
    void the_demo_console_says_the_port_is_in_use_and_registers_no_run() throws Exception {
        Path workspace = dir.resolve("demo");
        assertOneLineAboutThePort("demo", "--out", workspace.toString(), "--mode", "serial",
                "--quiet", "--console-port", port());
        try (SqliteWorkspace ws = SqliteWorkspace.open(workspace)) {
            assertThat(ws.reader().runs()).as("runs registered before the console failed").isEmpty();
        }
    }

    private String port() {
        return String.valueOf(taken.getLocalPort());
    }

    /** Runs the command through the CLI's entry and checks everything it wrote to stderr, library logs included. */
    private void assertOneLineAboutThePort(String... args) {
        CliRun.Output o = CliRun.run(args);
        int code = o.code();
        String stderr = o.allErr();
        List<String> lines = stderr.lines().filter(l -> !l.startsWith("starting the built-in")).toList();
        assertThat(code).as("exit code of gepa %s; stderr: %s", List.of(args), stderr).isEqualTo(1);
        assertThat(lines).as("stderr of gepa %s", List.of(args)).hasSize(1);
        assertThat(lines.getFirst()).startsWith("gepa: ")
                .contains("127.0.0.1:" + port() + ": the port is already in use")
                .contains("choose another port")
                .doesNotContain("unexpected error", "Exception");
    }
}
