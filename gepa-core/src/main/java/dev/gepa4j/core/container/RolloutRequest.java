package dev.gepa4j.core.container;

import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One candidate on one example, as sent in {@code POST /rollout}.
 *
 * @param rolloutId   unique per logical rollout; a retry reuses it so the container can answer idempotently
 * @param runId       the run it belongs to
 * @param candidateId the candidate's id
 * @param candidate   field to text; only fields the program marks mutable; kept sorted by field name. A map that is
 *                    already an unmodifiable sorted view (as a {@code Candidate}'s components are, over a private
 *                    copy) is kept as given, since this is built once per rollout; anything else is copied
 * @param row         the example, sent as {@code dataset_row}
 * @param policy      which model the container should call
 * @param timeout     how long one attempt may take
 */
public record RolloutRequest(String rolloutId, String runId, String candidateId, Map<String, String> candidate,
                             DatasetRow row, PolicySpec policy, Duration timeout) {
    public RolloutRequest {
        Objects.requireNonNull(rolloutId, "rolloutId");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(candidateId, "candidateId");
        Objects.requireNonNull(row, "row");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(timeout, "timeout");
        if (!(candidate.getClass() == UNMODIFIABLE_SORTED && ((SortedMap<?, ?>) candidate).comparator() == null)) {
            candidate = Collections.unmodifiableSortedMap(new TreeMap<>(candidate));
        }
    }

    private static final Class<?> UNMODIFIABLE_SORTED = Collections.unmodifiableSortedMap(new TreeMap<>()).getClass();
}
