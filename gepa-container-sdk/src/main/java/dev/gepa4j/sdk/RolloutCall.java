package dev.gepa4j.sdk;

import dev.gepa4j.core.model.PolicySpec;
import java.util.Map;

/**
 * A validated rollout request as the handler sees it.
 *
 * @param candidate the full candidate: the program's seed candidate overlaid with the fields the request sent
 *                  (only mutable fields can be sent; the server checks)
 * @param row       the example, looked up by the container itself from split and seed (the request's
 *                  {@code dataset_row} is not trusted for labels)
 */
public record RolloutCall(String rolloutId, String runId, String candidateId, Map<String, String> candidate,
                          ExampleRow row, PolicySpec policy) {
    public RolloutCall {
        candidate = Map.copyOf(candidate);
    }
}
