package dev.gepa4j.cli;

import dev.gepa4j.cli.config.GepaConfig;
import dev.gepa4j.core.secret.Secrets;
import java.util.ArrayList;
import java.util.List;

/**
 * The secret values this CLI process knows, for scrubbing what it prints: those of the environment from the start
 * ({@link Secrets#fromEnvironment}), plus the variables a run's config names once a run is assembled.
 */
final class KnownSecrets {
    private static volatile Secrets known = Secrets.fromEnvironment(System.getenv(), List.of());

    private KnownSecrets() {
    }

    /** The secrets of this process's environment plus the variables {@code config} names; remembered for printing. */
    static Secrets forRun(GepaConfig config) {
        List<String> named = new ArrayList<>(config.proposer().passEnv());
        named.add(config.proposer().apiKeyEnv());
        named.add(config.container().apiKeyEnv());
        Secrets secrets = Secrets.fromEnvironment(System.getenv(), named);
        known = known.and(secrets);
        return secrets;
    }

    /** {@code text} with every known secret value removed. */
    static String scrub(String text) {
        return known.scrub(text);
    }
}
