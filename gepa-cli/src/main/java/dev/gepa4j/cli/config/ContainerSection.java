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
 * @param timeoutSeconds per-rollout timeout, for the whole response; default 60
 * @param maxResponseMb  the largest response body accepted from a container, in MiB; default 4
 * @param maxTraceKb     the most of a rollout's trace kept in the workspace, in KiB of JSON text; default 256
 * @param paretoSplit    the container's split name used for the frontier's own seeds; default: {@code train_split}
 * @param testSplit      the container's split name used for test seeds; default: {@code heldout_split}
 */
public record ContainerSection(String url, List<String> urls, String builtin, String apiKeyEnv, String trainSplit,
                               String heldoutSplit, Integer timeoutSeconds, Integer maxResponseMb,
                               Integer maxTraceKb, String paretoSplit, String testSplit) {
    public ContainerSection {
        urls = urls == null ? List.of() : List.copyOf(urls);
        trainSplit = trainSplit == null ? "train" : trainSplit;
        heldoutSplit = heldoutSplit == null ? "test" : heldoutSplit;
        paretoSplit = paretoSplit == null ? trainSplit : paretoSplit;
        testSplit = testSplit == null ? heldoutSplit : testSplit;
        timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
        maxResponseMb = maxResponseMb == null ? 4 : maxResponseMb;
        maxTraceKb = maxTraceKb == null ? 256 : maxTraceKb;
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("[container] timeout_seconds must be > 0");
        }
        if (maxResponseMb < 1 || maxResponseMb > 1024) {
            throw new IllegalArgumentException("[container] max_response_mb must be between 1 and 1024, was "
                    + maxResponseMb);
        }
        if (maxTraceKb < 1 || maxTraceKb > 1024 * maxResponseMb) {
            throw new IllegalArgumentException("[container] max_trace_kb must be between 1 and max_response_mb * 1024, was "
                    + maxTraceKb);
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
