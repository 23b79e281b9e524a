package dev.gepa4j.testkit.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * One database on the test server.
 *
 * @param host     always 127.0.0.1
 * @param port     the server's port
 * @param name     the database name
 * @param user     the role that owns it
 * @param password the role's password; pass it the way users do (PGPASSWORD), never inside a URL
 */
public record TestDatabase(String host, int port, String name, String user, String password) {
    /** The workspace URL of this database, without any password: {@code postgresql://user@127.0.0.1:port/name}. */
    public String workspaceUrl() {
        return "postgresql://" + user + "@" + host + ":" + port + "/" + name;
    }

    /** The JDBC URL, for tests that inspect the database directly. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** A direct JDBC connection as the owning role, for tests that inspect or prepare the database. */
    public Connection connect() throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user);
        p.setProperty("password", password);
        return DriverManager.getConnection(jdbcUrl(), p);
    }

    @Override
    public String toString() {
        return workspaceUrl(); // never the password
    }
}
