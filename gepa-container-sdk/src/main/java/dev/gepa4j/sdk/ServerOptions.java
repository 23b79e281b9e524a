package dev.gepa4j.sdk;

/**
 * How {@link ContainerServer} listens.
 *
 * @param host                 interface to bind; loopback by default
 * @param port                 0 for an ephemeral port ({@link ContainerServer#port()} tells which)
 * @param apiKey               when set, every route but {@code /health} requires this value in {@code X-API-Key};
 *                             null for none
 * @param maxBodyBytes         larger request bodies get 413
 * @param rememberedRollouts   how many rollout results are kept for answering a repeated {@code rollout_id}
 * @param runtimeId            the id {@code /metadata} reports
 * @param rolloutModes         sync only (default), or async rollouts too ({@link RolloutModes})
 */
public record ServerOptions(String host, int port, String apiKey, long maxBodyBytes, int rememberedRollouts,
                            String runtimeId, RolloutModes rolloutModes) {
    public ServerOptions {
        host = host == null ? "127.0.0.1" : host;
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be in 0..65535 (0 = pick a free one), was " + port);
        }
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024, was " + maxBodyBytes);
        }
        if (rememberedRollouts < 1) {
            throw new IllegalArgumentException("rememberedRollouts must be at least 1, was " + rememberedRollouts);
        }
        runtimeId = runtimeId == null ? "gepa4j_container" : runtimeId;
        rolloutModes = rolloutModes == null ? RolloutModes.SYNC_ONLY : rolloutModes;
    }

    /** Options serving sync rollouts only. */
    public ServerOptions(String host, int port, String apiKey, long maxBodyBytes, int rememberedRollouts,
                         String runtimeId) {
        this(host, port, apiKey, maxBodyBytes, rememberedRollouts, runtimeId, RolloutModes.SYNC_ONLY);
    }

    /** Loopback, an ephemeral port, no key, 1 MiB bodies, 10,000 remembered rollouts. */
    public static ServerOptions defaults() {
        return new ServerOptions("127.0.0.1", 0, null, 1 << 20, 10_000, null, RolloutModes.SYNC_ONLY);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, apiKey, maxBodyBytes, rememberedRollouts, runtimeId, rolloutModes);
    }

    public ServerOptions withApiKey(String key) {
        return new ServerOptions(host, port, key, maxBodyBytes, rememberedRollouts, runtimeId, rolloutModes);
    }

    public ServerOptions withMaxBodyBytes(long bytes) {
        return new ServerOptions(host, port, apiKey, bytes, rememberedRollouts, runtimeId, rolloutModes);
    }

    /** The same options serving the given rollout modes (async rollouts are polled at {@code /rollouts/{id}}). */
    public ServerOptions withRolloutModes(RolloutModes modes) {
        return new ServerOptions(host, port, apiKey, maxBodyBytes, rememberedRollouts, runtimeId, modes);
    }

    public ServerOptions withRuntimeId(String id) {
        return new ServerOptions(host, port, apiKey, maxBodyBytes, rememberedRollouts, id, rolloutModes);
    }
}
