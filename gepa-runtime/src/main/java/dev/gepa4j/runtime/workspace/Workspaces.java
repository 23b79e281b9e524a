package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.secret.Secrets;
import dev.gepa4j.core.workspace.Workspace;
import dev.gepa4j.core.workspace.WorkspaceException;
import dev.gepa4j.runtime.container.SubmittedRollouts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Opens the workspace a user named: a {@code postgresql://...} URL selects the PostgreSQL workspace, anything else is
 * a folder holding {@code workspace.sqlite}.
 */
public final class Workspaces {
    private Workspaces() {
    }

    /** Whether {@code address} names a database rather than a folder. */
    public static boolean isDatabase(String address) {
        return PostgresUrl.isPostgres(address);
    }

    /**
     * The address as it may be printed and stored: a folder as given, a URL as {@link PostgresUrl} prints it (never
     * with a password; one in the URL is refused).
     */
    public static String display(String address) {
        return isDatabase(address) ? PostgresUrl.parse(address, System.getenv()).toString() : address;
    }

    /**
     * Opens (creating if needed) the workspace at {@code address}.
     *
     * @throws WorkspaceException as {@link SqliteWorkspace#open(Path, Secrets)} or
     *                            {@link PostgresWorkspace#open(PostgresUrl, Map, Secrets)}
     */
    public static Workspace open(String address, Secrets secrets) {
        if (isDatabase(address)) {
            return PostgresWorkspace.open(PostgresUrl.parse(address, System.getenv()), System.getenv(), secrets);
        }
        return SqliteWorkspace.open(Path.of(address), secrets);
    }

    /**
     * Where {@code workspace} (one {@link #open} returned) keeps the ids of async rollouts a resumed run polls again.
     */
    public static SubmittedRollouts asyncSubmissions(Workspace workspace) {
        if (workspace instanceof SqliteWorkspace sqlite) {
            return sqlite.asyncSubmissions();
        }
        if (workspace instanceof PostgresWorkspace postgres) {
            return postgres.asyncSubmissions();
        }
        throw new IllegalArgumentException("not a workspace Workspaces.open returned: " + workspace.getClass());
    }

    /**
     * Opens a workspace a run wrote: a folder must already hold {@code workspace.sqlite} (a typo should not create an
     * empty workspace); a database is opened as it is.
     *
     * @param how what the user passes to name it, for the message (e.g. {@code --workspace DIR})
     */
    public static Workspace openExisting(String address, String how) {
        if (!isDatabase(address) && !Files.isRegularFile(Path.of(address).resolve(SqliteWorkspace.FILE_NAME))) {
            throw new WorkspaceException("no " + SqliteWorkspace.FILE_NAME + " in " + Path.of(address).toAbsolutePath()
                    + ": pass the folder a run wrote, or a postgresql:// URL, with " + how);
        }
        return open(address, Secrets.fromEnvironment(System.getenv(), java.util.List.of()));
    }
}
