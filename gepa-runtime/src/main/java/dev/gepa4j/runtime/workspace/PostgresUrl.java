package dev.gepa4j.runtime.workspace;

import dev.gepa4j.core.workspace.WorkspaceException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * A PostgreSQL workspace address, {@code postgresql://[user@]host[:port]/database[?parameters]}, parsed once. It never
 * holds a password: a URL carrying one ({@code user:password@} or {@code password=}) is refused with the way to pass
 * it instead (the {@code PGPASSWORD} variable, or the variable {@code password_env=NAME} names), because the URL is
 * stored in the run spec, printed, and shown in the console.
 *
 * <p>gepa4j's own parameters, removed before the URL reaches the driver: {@code password_env} (the variable holding the
 * password; default {@code PGPASSWORD}), {@code lease_seconds} (how long a lease on a rollout lasts without its owner's
 * heartbeat; default 30), {@code pool_size} (connections this process opens; default 8) and
 * {@code synchronous_commit} ({@code off} by default: a commit waits for the server, not for its disk, which is a folder
 * workspace's guarantee too; {@code on} makes every commit wait for the disk flush). Every other parameter
 * ({@code sslmode}, {@code connectTimeout}, ...) goes to the pgjdbc driver as it is.
 *
 * @param user        the role (default: {@code PGUSER}, else the operating-system user)
 * @param host        the server host
 * @param port        the server port (default 5432)
 * @param database    the database name
 * @param passwordEnv the environment variable holding the password
 * @param lease       how long a lease lasts without a heartbeat
 * @param poolSize    connections this process may open (one more is the writer's)
 * @param durableCommits whether every commit waits for the server's disk flush ({@code synchronous_commit=on})
 * @param driverParameters the remaining parameters, for the driver
 */
public record PostgresUrl(String user, String host, int port, String database, String passwordEnv, Duration lease,
                          int poolSize, boolean durableCommits, Map<String, String> driverParameters) {
    /** The scheme that selects the PostgreSQL workspace ({@code postgres://} is accepted too). */
    public static final String SCHEME = "postgresql://";
    static final String DEFAULT_PASSWORD_ENV = "PGPASSWORD";
    static final Duration DEFAULT_LEASE = Duration.ofSeconds(30);
    static final int DEFAULT_POOL_SIZE = 8;

    public PostgresUrl {
        driverParameters = Map.copyOf(driverParameters);
    }

    /** Whether {@code address} names a PostgreSQL workspace rather than a folder. */
    public static boolean isPostgres(String address) {
        String lower = address.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith(SCHEME) || lower.startsWith("postgres://");
    }

    /**
     * Parses a workspace URL.
     *
     * @throws WorkspaceException saying what is wrong and how to write it, for a URL with a password, no host, no
     *                            database, a bad port or a bad gepa4j parameter
     */
    public static PostgresUrl parse(String address, Map<String, String> environment) {
        String text = address.strip();
        String rest = text.substring(text.indexOf("://") + 3);
        refusePassword(rest); // first: no later message may repeat a URL that carries one
        String query = "";
        int q = rest.indexOf('?');
        if (q >= 0) {
            query = rest.substring(q + 1);
            rest = rest.substring(0, q);
        }
        int slash = rest.indexOf('/');
        if (slash < 0 || slash == rest.length() - 1) {
            throw bad(address, "it names no database; write postgresql://user@host:5432/DATABASE");
        }
        String authority = rest.substring(0, slash);
        String database = decode(rest.substring(slash + 1));
        String user = null;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            if (userInfo.contains(":")) {
                throw passwordInUrl();
            }
            user = decode(userInfo);
            authority = authority.substring(at + 1);
        }
        String host = authority;
        int port = 5432;
        int colon = authority.lastIndexOf(':');
        if (colon >= 0 && !authority.endsWith("]")) {
            host = authority.substring(0, colon);
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw bad(address, "the port '" + authority.substring(colon + 1) + "' is not a number");
            }
        }
        if (host.isBlank()) {
            throw bad(address, "it names no host; write postgresql://user@HOST:5432/database");
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = decode(eq < 0 ? pair : pair.substring(0, eq));
            params.put(key, eq < 0 ? "" : decode(pair.substring(eq + 1)));
        }
        if (params.keySet().stream().anyMatch(k -> k.equalsIgnoreCase("password"))) {
            throw passwordInUrl();
        }
        String passwordEnv = Optional.ofNullable(params.remove("password_env")).filter(v -> !v.isBlank())
                .orElse(DEFAULT_PASSWORD_ENV);
        Duration lease = DEFAULT_LEASE;
        String leaseText = params.remove("lease_seconds");
        if (leaseText != null) {
            lease = Duration.ofMillis(Math.round(positive(address, "lease_seconds", leaseText) * 1000));
        }
        int pool = DEFAULT_POOL_SIZE;
        String poolText = params.remove("pool_size");
        if (poolText != null) {
            pool = (int) positive(address, "pool_size", poolText);
        }
        boolean durable = false;
        String syncText = params.remove("synchronous_commit");
        if (syncText != null) {
            durable = switch (syncText.toLowerCase(Locale.ROOT)) {
                case "on", "true" -> true;
                case "off", "false" -> false;
                default -> throw bad(address, "synchronous_commit=" + syncText + ": use on or off");
            };
        }
        if (user == null || user.isBlank()) {
            user = environment.getOrDefault("PGUSER", System.getProperty("user.name"));
        }
        return new PostgresUrl(user, host, port, database, passwordEnv, lease, pool, durable, params);
    }

    /** The JDBC URL for the driver: no user, no password, only the driver's parameters. */
    String jdbcUrl() {
        StringBuilder url = new StringBuilder("jdbc:postgresql://").append(host).append(':').append(port).append('/')
                .append(database);
        String sep = "?";
        for (Map.Entry<String, String> p : driverParameters.entrySet()) {
            url.append(sep).append(p.getKey()).append('=').append(p.getValue());
            sep = "&";
        }
        return url.toString();
    }

    /** The password from the environment, if the variable is set. */
    Optional<String> password(Map<String, String> environment) {
        return Optional.ofNullable(environment.get(passwordEnv)).filter(p -> !p.isEmpty());
    }

    /** Driver properties: the user and, when set, the password (never part of any URL). */
    Properties connectionProperties(Map<String, String> environment) {
        Properties p = new Properties();
        p.setProperty("user", user);
        password(environment).ifPresent(pw -> p.setProperty("password", pw));
        p.setProperty("ApplicationName", "gepa4j");
        return p;
    }

    /** The address as stored and printed: it never carries a password, since none is ever accepted in it. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder(SCHEME).append(user).append('@').append(host).append(':').append(port)
                .append('/').append(database);
        Map<String, String> shown = new LinkedHashMap<>(driverParameters);
        if (!passwordEnv.equals(DEFAULT_PASSWORD_ENV)) {
            shown.put("password_env", passwordEnv);
        }
        if (!lease.equals(DEFAULT_LEASE)) {
            shown.put("lease_seconds", String.valueOf(lease.toMillis() / 1000.0));
        }
        if (poolSize != DEFAULT_POOL_SIZE) {
            shown.put("pool_size", String.valueOf(poolSize));
        }
        if (durableCommits) {
            shown.put("synchronous_commit", "on");
        }
        String sep = "?";
        for (Map.Entry<String, String> p : shown.entrySet()) {
            out.append(sep).append(p.getKey()).append('=').append(p.getValue());
            sep = "&";
        }
        return out.toString();
    }

    private static void refusePassword(String afterScheme) {
        int end = afterScheme.indexOf('/');
        String authority = end < 0 ? afterScheme : afterScheme.substring(0, end);
        int at = authority.lastIndexOf('@');
        if (at >= 0 && authority.substring(0, at).contains(":")) {
            throw passwordInUrl();
        }
        int q = afterScheme.indexOf('?');
        if (q >= 0) {
            for (String pair : afterScheme.substring(q + 1).split("&")) {
                if (pair.toLowerCase(Locale.ROOT).startsWith("password=")) {
                    throw passwordInUrl();
                }
            }
        }
    }

    private static double positive(String address, String name, String value) {
        try {
            double v = Double.parseDouble(value);
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw bad(address, name + "=" + value + " must be a positive number");
    }

    private static String decode(String s) {
        return URLDecoder.decode(s, StandardCharsets.UTF_8);
    }

    private static WorkspaceException passwordInUrl() {
        // the URL itself is not repeated: it carries the password
        return new WorkspaceException("the PostgreSQL workspace URL carries a password; the URL is stored and printed, "
                + "so it must not: remove it from the URL and put it in the PGPASSWORD environment variable (or in a "
                + "variable of your choice named by ?password_env=NAME)");
    }

    private static WorkspaceException bad(String address, String why) {
        return new WorkspaceException("cannot use '" + address + "' as a PostgreSQL workspace: " + why);
    }
}
