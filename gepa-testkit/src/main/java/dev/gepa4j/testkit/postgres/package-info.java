/**
 * A real PostgreSQL server for tests: {@link dev.gepa4j.testkit.postgres.TestPostgres} starts one throwaway server per
 * test JVM from the machine's PostgreSQL binaries (Debian's {@code /usr/lib/postgresql/<ver>/bin}, or {@code initdb}
 * on the PATH), as a non-root user when the JVM runs as root, on a free loopback port; and
 * {@link dev.gepa4j.testkit.postgres.PostgresExtension} gives each test class a fresh database on it. No mock: the
 * tests talk to the real server over JDBC.
 *
 * <p>May import: the JDK, JUnit's extension API, the PostgreSQL JDBC driver.
 */
package dev.gepa4j.testkit.postgres;
