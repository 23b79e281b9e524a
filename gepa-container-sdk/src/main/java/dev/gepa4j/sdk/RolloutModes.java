package dev.gepa4j.sdk;

import java.util.List;

/**
 * Which submission modes a {@link ContainerServer} serves for {@code POST /rollout}, declared in {@code /metadata}
 * as {@code capabilities.rollout_modes}.
 *
 * <ul>
 *   <li>{@code SYNC_ONLY} (the default): every rollout answers 200 with its result.</li>
 *   <li>{@code SYNC_AND_ASYNC}: a request with {@code submission_mode: "async"} answers 202 and a queued record;
 *       others answer as in sync mode.</li>
 *   <li>{@code ASYNC_ONLY}: every rollout answers 202 and a queued record, whatever the request asks.</li>
 * </ul>
 * A queued rollout is polled at {@code GET /rollouts/{id}} and stopped with {@code POST /rollouts/{id}/terminate}.
 */
public enum RolloutModes {
    SYNC_ONLY(List.of("sync")),
    SYNC_AND_ASYNC(List.of("sync", "async")),
    ASYNC_ONLY(List.of("async"));

    private final List<String> declared;

    RolloutModes(List<String> declared) {
        this.declared = declared;
    }

    /** What {@code /metadata} lists in {@code capabilities.rollout_modes}. */
    public List<String> declared() {
        return declared;
    }

    boolean servesAsync() {
        return this != SYNC_ONLY;
    }
}
