package dev.gepa4j.runtime.container;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link HttpTaskContainer} talks to one container.
 *
 * @param trainSplit       the container's split name for train seeds
 * @param heldoutSplit     the container's split name for heldout seeds
 * @param apiKey           sent as {@code X-API-Key} when not null; never logged or printed
 * @param connectTimeout   how long opening a connection may take
 * @param discoveryTimeout how long one discovery or rows request may take (rollouts use their own timeout)
 */
public record HttpContainerOptions(String trainSplit, String heldoutSplit, String apiKey, Duration connectTimeout,
                                   Duration discoveryTimeout) {
    public HttpContainerOptions {
        Objects.requireNonNull(trainSplit, "trainSplit");
        Objects.requireNonNull(heldoutSplit, "heldoutSplit");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(discoveryTimeout, "discoveryTimeout");
    }

    /** Splits {@code train} and {@code test}, no key, 5 s to connect, 30 s per discovery request. */
    public static HttpContainerOptions defaults() {
        return new HttpContainerOptions("train", "test", null, Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    public HttpContainerOptions withSplits(String train, String heldout) {
        return new HttpContainerOptions(train, heldout, apiKey, connectTimeout, discoveryTimeout);
    }

    public HttpContainerOptions withApiKey(String key) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, key, connectTimeout, discoveryTimeout);
    }

    public HttpContainerOptions withDiscoveryTimeout(Duration timeout) {
        return new HttpContainerOptions(trainSplit, heldoutSplit, apiKey, connectTimeout, timeout);
    }

    /** Keeps the key out of logs and error messages. */
    @Override
    public String toString() {
        return "HttpContainerOptions[trainSplit=" + trainSplit + ", heldoutSplit=" + heldoutSplit + ", apiKey="
                + (apiKey == null ? "none" : "***") + ", connectTimeout=" + connectTimeout + ", discoveryTimeout="
                + discoveryTimeout + "]";
    }
}
