package dev.gepa4j.cli;

import dev.gepa4j.runtime.workspace.Workspaces;
import java.nio.file.Path;

/**
 * Where a run's workspace is and where its local files go. A folder is both: the workspace file, the evidence packets
 * (unless {@code --evidence-dir}), the stop file and the coding agent's folders. A {@code postgresql://} URL keeps the
 * runs in the database, and the local files go to {@code --evidence-dir}, by default {@code ./gepa-evidence}.
 *
 * @param address  what to open: an absolute folder path, or the URL as given
 * @param shown    what to print and store: the folder, or the URL without any password
 * @param localDir where the run's local files go
 */
record WorkspaceLocation(String address, String shown, Path localDir) {
    /** The local folder of a database workspace when {@code --evidence-dir} is not given. */
    static final Path DEFAULT_EVIDENCE_DIR = Path.of("gepa-evidence");

    /**
     * @param given       the user's {@code --workspace}, {@code [run] workspace} or {@code demo --out}
     * @param baseDir     what a relative folder resolves against
     * @param evidenceDir {@code --evidence-dir}, or null
     */
    static WorkspaceLocation of(String given, Path baseDir, Path evidenceDir) {
        if (Workspaces.isDatabase(given)) {
            Path local = (evidenceDir != null ? evidenceDir : DEFAULT_EVIDENCE_DIR).toAbsolutePath().normalize();
            return new WorkspaceLocation(given.strip(), Workspaces.display(given), local);
        }
        Path folder = baseDir.resolve(given).toAbsolutePath().normalize();
        return new WorkspaceLocation(folder.toString(), folder.toString(), folder);
    }

    @Override
    public String toString() {
        return shown;
    }
}
