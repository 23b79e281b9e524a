package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

/**
 * Brings a workspace database to the schema this build knows. Migrations are resources
 * {@code db/migration/V<n>__<name>.sql}, applied in order, each in one transaction together with its row in
 * {@code schema_version}; they are never edited once released (a change is a new file). The numbers and names are
 * the same for both databases, so a version means the same tables and columns in both: a script lives in
 * {@code db/migration/} (sqlite, and PostgreSQL too when its SQL is valid there), and PostgreSQL's own version of a
 * script that must differ lives under the same name in {@code db/migration/postgresql/}.
 */
final class SchemaMigrations {
    /** In order; the number in each name is its version. */
    static final List<String> MIGRATIONS = List.of("V1__init.sql", "V2__error_reward_null.sql",
            "V3__async_submissions.sql", "V4__rollout_leases.sql");

    private SchemaMigrations() {
    }

    static int latest() {
        return MIGRATIONS.size();
    }

    /** Applies what is missing to a sqlite file; refuses a database written by a newer build. */
    static void apply(Connection c, String file) throws SQLException {
        apply(c, file, SqlDialect.SQLITE, latest());
    }

    /**
     * Applies the migrations of {@code dialect} up to version {@code upTo} (tests stop early to build an older
     * workspace) in one transaction; refuses a database written by a newer build.
     */
    static void apply(Connection c, String file, SqlDialect dialect, int upTo) throws SQLException {
        try (Statement s = c.createStatement()) {
            dialect.begin(c, s);
            try {
                dialect.lockForMigration(s);
                s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                        + " applied_at TEXT NOT NULL)");
                int current = current(s);
                if (current > latest()) {
                    throw new WorkspaceException(file + " has schema version " + current + " but this gepa4j knows "
                            + "versions up to " + latest() + ": open it with a newer gepa4j");
                }
                for (int v = current + 1; v <= upTo; v++) {
                    String name = MIGRATIONS.get(v - 1);
                    for (String sql : statements(load(dialect.migrationFolder() + name, "/db/migration/" + name))) {
                        s.execute(sql);
                    }
                    s.execute("INSERT INTO schema_version (version, name, applied_at) VALUES (" + v + ", '" + name
                            + "', '" + Instant.now() + "')");
                }
                dialect.commit(c, s);
            } catch (SQLException | RuntimeException e) {
                dialect.rollback(c, s);
                throw e;
            }
        }
    }

    static int current(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(version), 0) FROM schema_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static List<String> statements(String script) {
        StringBuilder kept = new StringBuilder();
        for (String line : script.split("\n")) {
            String trimmed = line.strip();
            if (!trimmed.startsWith("--")) {
                kept.append(line).append('\n');
            }
        }
        return java.util.Arrays.stream(kept.toString().split(";")).map(String::strip).filter(x -> !x.isEmpty())
                .toList();
    }

    /** The script at {@code path}, else at {@code shared} (a script both databases run as it is). */
    private static String load(String path, String shared) {
        if (SchemaMigrations.class.getResource(path) == null) {
            path = shared;
        }
        try (InputStream in = SchemaMigrations.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new WorkspaceException("migration " + path + " is missing from the gepa4j jar: rebuild it");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new WorkspaceException("cannot read migration " + path, e);
        }
    }
}
