package dev.gepa4j.tasks.sandbox;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Finds the Python interpreter and the strongest isolation this machine allows, by trying it: a run under its own
 * user id and without network, then each alone, then neither. Each try starts the real interpreter through the
 * real launch prefix, so what is reported is what works.
 */
final class IsolationProbe {
    /** Names a Python 3 interpreter to use instead of searching PATH. */
    static final String PYTHON_ENV = "GEPA_SANDBOX_PYTHON";
    static final String INSTALL_HINT = "install Python 3 (Debian/Ubuntu: apt-get install python3; Fedora: dnf install "
            + "python3; Alpine: apk add python3; macOS: brew install python) or set " + PYTHON_ENV
            + " to its path";
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final List<Path> UNSHARE = List.of(Path.of("/usr/bin/unshare"), Path.of("/bin/unshare"));
    private static final List<Path> SETPRIV = List.of(Path.of("/usr/bin/setpriv"), Path.of("/bin/setpriv"));

    private IsolationProbe() {
    }

    static SandboxIsolation probe(Map<String, String> environment, int probeUid) {
        List<Path> pythons = candidates(environment);
        List<Path> runnable = pythons.stream().filter(p -> works(launch(p, false, false, false, probeUid))).toList();
        if (runnable.isEmpty()) {
            throw new PythonMissingException("humaneval-coder runs the generated code with python3, and no working "
                    + "python3 was found (tried " + (pythons.isEmpty() ? "PATH" : pythons) + "): " + INSTALL_HINT);
        }
        boolean setsid = Files.isExecutable(SETSID);
        boolean root = hostUid() == 0;
        for (boolean[] level : new boolean[][] {{true, true}, {true, false}, {false, true}}) {
            if (level[0] && !root) {
                continue;
            }
            for (Path python : runnable) {
                if (works(launch(python, setsid, level[0], level[1], probeUid))) {
                    return new SandboxIsolation(python, level[0], level[1], setsid);
                }
            }
        }
        return new SandboxIsolation(runnable.getFirst(), false, false, setsid);
    }

    /** The command that starts {@code python} under the given isolation; the interpreter's arguments follow it. */
    static List<String> launch(Path python, boolean setsid, boolean ownUser, boolean noNetwork, int uid) {
        List<String> cmd = new ArrayList<>();
        if (setsid) {
            cmd.add(SETSID.toString());
        }
        if (noNetwork) {
            cmd.add(first(UNSHARE).toString());
            if (hostUid() != 0) {
                cmd.add("--map-root-user"); // an unprivileged user may make a network namespace inside a user one
            }
            cmd.add("--net");
        }
        if (ownUser) {
            cmd.addAll(List.of(first(SETPRIV).toString(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups",
                    "--no-new-privs"));
        }
        cmd.add(python.toString());
        return cmd;
    }

    static int hostUid() {
        try {
            return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Path first(List<Path> options) {
        return options.stream().filter(Files::isExecutable).findFirst().orElse(options.getFirst());
    }

    private static List<Path> candidates(Map<String, String> environment) {
        Set<Path> found = new LinkedHashSet<>();
        String named = environment.get(PYTHON_ENV);
        if (named != null && !named.isBlank()) {
            return List.of(Path.of(named.strip()));
        }
        // the system interpreters first: a per-user install (pyenv under /root) is unreadable for a dropped user id
        for (String p : List.of("/usr/bin/python3", "/usr/local/bin/python3", "/bin/python3")) {
            if (Files.isExecutable(Path.of(p))) {
                found.add(Path.of(p));
            }
        }
        for (String dir : environment.getOrDefault("PATH", "").split(":")) {
            Path p = dir.isEmpty() ? null : Path.of(dir, "python3");
            if (p != null && Files.isExecutable(p)) {
                found.add(p);
            }
        }
        return List.copyOf(found);
    }

    private static boolean works(List<String> launch) {
        List<String> cmd = new ArrayList<>(launch);
        cmd.addAll(List.of("-I", "-S", "-c", "import resource, sys; print('ok', sys.version_info[0])"));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).directory(Path.of("/").toFile()).start();
            p.getOutputStream().close();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.exitValue() == 0 && out.equals("ok 3");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
