package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.RolloutRecord;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What report.html embeds: the summary, the detail of every grid cell's rollout (keyed by rollout seq, so a click
 * needs no server), every candidate's prompt and the run's latest events.
 */
public record ReportData(RunSummary summary, Map<Long, RolloutDetail> details, Map<String, CandidatePrompt> prompts,
                         List<EventView> events) {
    /** Events kept in a report; the full feed is in the workspace. */
    public static final int MAX_EVENTS = 500;
    /** Characters of output and trace kept per grid cell. */
    public static final int MAX_CELL_CHARS = 2000;

    static ReportData of(RunData data, RunSummary summary, List<EventView> events) {
        Map<Long, RolloutRecord> bySeq = new TreeMap<>();
        data.rollouts().forEach(r -> bySeq.put(r.seq(), r));
        Map<Long, RolloutDetail> details = new TreeMap<>();
        summary.grid().rows().forEach(row -> row.cells().forEach(cell -> {
            RolloutRecord r = bySeq.get(cell.rolloutSeq());
            if (r != null) {
                details.put(r.seq(), RolloutDetail.of(r, null, MAX_CELL_CHARS));
            }
        }));
        Map<String, CandidatePrompt> prompts = new java.util.LinkedHashMap<>();
        data.candidates().forEach(c -> prompts.put(c.candidate().id(), CandidatePrompt.of(c)));
        int from = Math.max(0, events.size() - MAX_EVENTS);
        return new ReportData(summary, details, prompts, events.subList(from, events.size()));
    }
}
