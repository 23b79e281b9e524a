package dev.gepa4j.cli.config;

import java.util.List;

/**
 * {@code [container]}: where the task lives.
 *
 * @param url            one container base URL
 * @param urls           several endpoints serving the same task (a pool); combined with {@code url}
 * @param builtin        a built-in container started in-process instead ({@code banking77})
 * @param apiKeyEnv      name of the environment variable holding the container's X-API-Key, if it wants one
 * @param trainSplit     the container's split name used for train seeds; default {@code train}
 * @param heldoutSplit   the container's split name used for heldout seeds; default {@code test}
 * @param timeoutSeconds per-rollout timeout; default 60
 */
public record ContainerSection(String url, List<String> urls, String builtin, String apiKeyEnv, String trainSplit,
                               String heldoutSplit, Integer timeoutSeconds) {
    public ContainerSection {
        urls = urls == null ? List.of() : List.copyOf(urls);
        trainSplit = trainSplit == null ? "train" : trainSplit;
        heldoutSplit = heldoutSplit == null ? "test" : heldoutSplit;
        timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("[container] timeout_seconds must be > 0");
        }
    }

    /** Every configured endpoint URL, {@code url} first. */
    public List<String> endpoints() {
        java.util.List<String> all = new java.util.ArrayList<>();
        if (url != null && !url.isBlank()) {
            all.add(url);
        }
        all.addAll(urls);
        return all;
    }
}
