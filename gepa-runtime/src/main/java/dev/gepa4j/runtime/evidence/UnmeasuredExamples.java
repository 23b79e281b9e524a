package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The examples of a run that no rollout measured: every rollout on them ended in an error (a container defect on that
 * row). They take no part in any score; the packet lists them ({@code unmeasured}) and the run's summary line names
 * them, each with the last error seen there.
 */
public final class UnmeasuredExamples {
    /** Examples named in the summary line before "and N more". */
    static final int NAMED = 3;

    /**
     * @param exampleId the example's id
     * @param split     {@code train} or {@code heldout}
     * @param error     the last error of a rollout on it
     */
    public record Unmeasured(String exampleId, String split, String error) {
    }

    private UnmeasuredExamples() {
    }

    /** The run's unmeasured examples, train before heldout, each split in seed order. */
    public static List<Unmeasured> of(WorkspaceReader reader, String runId) {
        return of(reader.rollouts(runId, 0));
    }

    static List<Unmeasured> of(List<RolloutRecord> rollouts) {
        Map<String, Unmeasured> failing = new LinkedHashMap<>();
        java.util.Set<String> measured = new java.util.HashSet<>();
        Map<String, Long> seeds = new java.util.HashMap<>();
        for (RolloutRecord r : rollouts) {
            String key = r.result().example().split().label() + "\n" + r.result().example().exampleId();
            seeds.put(key, r.result().example().seed());
            if (r.result().measured()) {
                measured.add(key);
            } else {
                failing.put(key, new Unmeasured(r.result().example().exampleId(), r.result().example().split().label(),
                        r.result().error()));
            }
        }
        List<Unmeasured> out = new ArrayList<>();
        failing.forEach((key, u) -> {
            if (!measured.contains(key)) {
                out.add(u);
            }
        });
        out.sort(java.util.Comparator.comparing((Unmeasured u) -> !u.split().equals("train"))
                .thenComparingLong(u -> seeds.get(u.split() + "\n" + u.exampleId())));
        return out;
    }

    /** "; unmeasured: 2 train (train:3: error; train:7: error)" for the summary line, or "" when none. */
    public static String describe(List<Unmeasured> unmeasured) {
        if (unmeasured.isEmpty()) {
            return "";
        }
        Map<String, Long> bySplit = unmeasured.stream().collect(Collectors.groupingBy(Unmeasured::split,
                LinkedHashMap::new, Collectors.counting()));
        String counts = bySplit.entrySet().stream().map(e -> e.getValue() + " " + e.getKey())
                .collect(Collectors.joining(", "));
        String named = unmeasured.stream().limit(NAMED).map(u -> u.exampleId() + ": " + u.error())
                .collect(Collectors.joining("; "));
        int more = unmeasured.size() - NAMED;
        return "; unmeasured: " + counts + " (" + named + (more > 0 ? "; and " + more + " more" : "") + ")";
    }
}
