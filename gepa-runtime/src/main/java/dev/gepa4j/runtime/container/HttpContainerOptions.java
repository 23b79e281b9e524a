package dev.gepa4j.runtime.container;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpTaskContainer} talks to one container.
 *
 * @param trainSplit       the container's split name for train seeds
 * @param heldoutSplit     the container's split name for heldout seeds
 * @param paretoSplit      the container's split name for the frontier's own seeds (pareto role)
 * @param testSplit        the container's split name for test seeds
 * @param apiKey           sent as {@code X-API-Key} when not null; never logged or printed
 * @param connectTimeout   how long opening a connection may take
 * @param discoveryTimeout how long one whole discovery or rows exchange may take, body included (rollouts use their
 *                         own timeout)
 * @param maxBodyBytes     the largest response body accepted from the container; a larger one is a contract violation
 * @param maxTraceChars    the most of a rollout's trace (as JSON text) kept with its result; a longer trace is replaced
 *                         by a note with its size and its beginning
 * @param auth             how the key travels ({@code X-API-Key} by default, or {@code Authorization: Bearer})
 * @param submission       sync or async rollouts, and how async ones are polled
 */
public record HttpContainerOptions(String trainSplit, String heldoutSplit, String paretoSplit, String testSplit,
                                   String apiKey, Duration connectTimeout, Duration discoveryTimeout, long maxBodyBytes,
                                   int maxTraceChars, ContainerAuth auth, RolloutSubmission submission) {
    /** The default cap on a stored trace: 262,144 characters of JSON text. */
    public static final int DEFAULT_MAX_TRACE_CHARS = 256 << 10;

    public HttpContainerOptions {
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(heldoutSplit, "heldoutSplit");
        Objects.requireNonNull(paretoSplit, "paretoSplit");
        Objects.requireNonNull(testSplit, "testSplit");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(discoveryTimeout, "discoveryTimeout");
        auth = auth == null ? ContainerAuth.X_API_KEY : auth;
        submission = submission == null ? RolloutSubmission.defaults() : submission;
        if (maxBodyBytes < 1 || maxTraceChars < 2) {
            throw new IllegalArgumentException("the body cap must be >= 1 byte and the trace cap >= 2 characters, were "
                    + maxBodyBytes + " and " + maxTraceChars);
        }
    }

    /**
     * Train and pareto seeds from {@code train}, heldout and test seeds from {@code test}, no key, 5 s to connect, 30 s per discovery exchange, bodies up to
     * {@link ContainerHttp#DEFAULT_MAX_BODY_BYTES}, traces up to {@link #DEFAULT_MAX_TRACE_CHARS}.
     */
    public static HttpContainerOptions defaults() {
        return new HttpContainerOptions("train", "test", "train", "test", null, Duration.ofSeconds(5),
                Duration.ofSeconds(30), ContainerHttp.DEFAULT_MAX_BODY_BYTES, DEFAULT_MAX_TRACE_CHARS,
                ContainerAuth.X_API_KEY, RolloutSubmission.defaults());
    }

    /** Train and pareto seeds from {@code train}, heldout and test seeds from {@code heldout}. */
    public HttpContainerOptions withSplits(String train, String heldout) {
        return withSplits(train, heldout, train, heldout);
    }

    public HttpContainerOptions withSplits(String train, String heldout, String pareto, String test) {
        return new HttpContainerOptions(train, heldout, pareto, test, apiKey, connectTimeout, discoveryTimeout,
                maxBodyBytes, maxTraceChars, auth, submission);
    }

    public HttpContainerOptions withApiKey(String key) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, paretoSplit, testSplit, key, connectTimeout,
                discoveryTimeout, maxBodyBytes, maxTraceChars, auth, submission);
    }

    public HttpContainerOptions withDiscoveryTimeout(Duration timeout) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, paretoSplit, testSplit, apiKey, connectTimeout,
                timeout, maxBodyBytes, maxTraceChars, auth, submission);
    }

    /** The same options sending the key as {@code auth} says. */
    public HttpContainerOptions withAuth(ContainerAuth how) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, paretoSplit, testSplit, apiKey, connectTimeout,
                discoveryTimeout, maxBodyBytes, maxTraceChars, how, submission);
    }

    /** The same options submitting rollouts as {@code how} says. */
    public HttpContainerOptions withSubmission(RolloutSubmission how) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, paretoSplit, testSplit, apiKey, connectTimeout,
                discoveryTimeout, maxBodyBytes, maxTraceChars, auth, how);
    }

    /** The same options with other caps on response bodies and stored traces. */
    public HttpContainerOptions withCaps(long bodyBytes, int traceChars) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, paretoSplit, testSplit, apiKey, connectTimeout,
                discoveryTimeout, bodyBytes, traceChars, auth, submission);
    }

    /** The container's split name for a role. */
    public String containerSplit(dev.gepa4j.core.model.Split role) {
        return switch (role) {
            case TRAIN -> trainSplit;
            case PARETO -> paretoSplit;
            case HELDOUT -> heldoutSplit;
            case TEST -> testSplit;
        };
    }

    /** Keeps the key out of logs and error messages. */
    @Override
    public String toString() {
        return "HttpContainerOptions[trainSplit=" + trainSplit + ", heldoutSplit=" + heldoutSplit + ", paretoSplit="
                + paretoSplit + ", testSplit=" + testSplit + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", connectTimeout=" + connectTimeout + ", discoveryTimeout="
                + discoveryTimeout + ", maxBodyBytes=" + maxBodyBytes + ", maxTraceChars=" + maxTraceChars + ", auth="
                + auth.label() + ", submission=" + submission + "]";
    }
}
