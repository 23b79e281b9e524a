package dev.gepa4j.cli.config;

import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.RolloutSubmission;
import dev.gepa4j.runtime.container.SubmissionMode;
import java.time.Duration;
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
 * @param auth           how the key of {@code api_key_env} is sent: {@code x-api-key} (default) or {@code bearer}
 * @param submission     {@code sync}, {@code async} or {@code auto} (default: follow what {@code /metadata} declares)
 * @param pollIntervalMs async rollouts: pause between two polls of one rollout; default 250
 * @param asyncTimeoutSeconds async rollouts: how long a submitted rollout may take before it is terminated and
 *                       retried; default 600
 */
public record ContainerSection(String url, List<String> urls, String builtin, String apiKeyEnv, String trainSplit,
                               String heldoutSplit, Integer timeoutSeconds, Integer maxResponseMb,
                               Integer maxTraceKb, String paretoSplit, String testSplit, String auth,
                               String submission, Integer pollIntervalMs, Integer asyncTimeoutSeconds) {
    public ContainerSection {
        urls = urls == null ? List.of() : List.copyOf(urls);
        trainSplit = trainSplit == null ? "train" : trainSplit;
        heldoutSplit = heldoutSplit == null ? "test" : heldoutSplit;
        paretoSplit = paretoSplit == null ? trainSplit : paretoSplit;
        testSplit = testSplit == null ? heldoutSplit : testSplit;
        timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
        maxResponseMb = maxResponseMb == null ? 4 : maxResponseMb;
        maxTraceKb = maxTraceKb == null ? 256 : maxTraceKb;
        auth = ContainerAuth.parse(auth).label();
        submission = SubmissionMode.parse(submission).label();
        pollIntervalMs = pollIntervalMs == null ? (int) RolloutSubmission.DEFAULT_POLL_INTERVAL.toMillis()
                : pollIntervalMs;
        asyncTimeoutSeconds = asyncTimeoutSeconds == null
                ? (int) RolloutSubmission.DEFAULT_ASYNC_TIMEOUT.toSeconds() : asyncTimeoutSeconds;
        if (pollIntervalMs < 1 || asyncTimeoutSeconds < 1) {
            throw new IllegalArgumentException("[container] poll_interval_ms and async_timeout_seconds must be >= 1, were "
                    + pollIntervalMs + " and " + asyncTimeoutSeconds);
        }
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

    /** How rollouts are submitted: the mode, and for async ones the poll interval and the two deadlines. */
    public RolloutSubmission rolloutSubmission() {
        return new RolloutSubmission(SubmissionMode.parse(submission), Duration.ofMillis(pollIntervalMs),
                Duration.ofSeconds(asyncTimeoutSeconds), Duration.ofSeconds(timeoutSeconds));
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
