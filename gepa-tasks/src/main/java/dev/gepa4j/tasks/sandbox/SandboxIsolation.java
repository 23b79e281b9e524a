package dev.gepa4j.tasks.sandbox;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the operating system enforces for sandboxed runs on this machine, as probed when the sandbox starts.
 *
 * @param python     the Python 3 interpreter that runs the code
 * @param ownUserIds each run gets an unprivileged user id of its own ({@code setpriv}, only when gepa4j runs as
 *                   root): it cannot read or write what belongs to other users (such as {@code ~/.ssh} of root), the
 *                   process limit counts its processes alone, and everything it left running or wrote outside its
 *                   folder can be found by owner
 * @param noNetwork  each run gets an empty network namespace ({@code unshare -n}): no interface but a downed
 *                   loopback, so no connection to anything, 127.0.0.1 included
 * @param setsid     the run leads a session and process group of its own ({@code setsid})
 */
public record SandboxIsolation(Path python, boolean ownUserIds, boolean noNetwork, boolean setsid) {

    /** What is enforced by the OS here and what falls back to the Python-level guards, one line each. */
    public List<String> describe() {
        List<String> lines = new ArrayList<>();
        lines.add("python: " + python);
        lines.add(ownUserIds ? "OS: each run has its own unprivileged user id (setpriv): files of other users, "
                + "per-run process limit, leftover processes and outside writes found by owner"
                : "not enforced by the OS: own user id (needs root and setpriv); reads outside the folder and "
                + "writes to world-writable places are refused only by the Python-level guards");
        lines.add(noNetwork ? "OS: no network (empty network namespace, unshare -n)"
                : "not enforced by the OS: network (no permission for namespaces here); refused only by the "
                + "Python-level guards");
        lines.add("OS: wall-clock kill of the whole process group, CPU-time, address-space, file-size and core "
                + "limits (setrlimit), empty environment, fresh folder as HOME and working directory");
        return lines;
    }
}
