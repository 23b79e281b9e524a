package dev.gepa4j.console;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.RolloutRecord;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.evidence.EventView;
import dev.gepa4j.runtime.evidence.RunData;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.RunSummary;
import java.util.ArrayList;
import java.util.List;

/**
 * One run as the console follows it: rollouts are read incrementally (only those after the last seen seq), the
 * small tables are re-read, and the summary is recomputed only when something changed. Not thread-safe: the
 * console's single poller thread owns it.
 */
final class LiveRun {
    private final WorkspaceReader reader;
    private final String runId;
    private final List<RolloutRecord> rollouts = new ArrayList<>();
    private long lastEventSeq;
    private int candidateCount = -1;
    private String lastStatus;
    private RunSummary summary;

    LiveRun(WorkspaceReader reader, String runId) {
        this.reader = reader;
        this.runId = runId;
    }

    /** What changed since the previous call; the first call returns everything. */
    Delta poll() {
        List<EventRecord> events = reader.events(runId, lastEventSeq);
        List<RolloutRecord> newRollouts = reader.rollouts(runId, rollouts.isEmpty() ? 0 : rollouts.getLast().seq());
        var run = reader.run(runId).orElseThrow();
        var candidates = reader.candidates(runId);
        boolean changed = summary == null || !newRollouts.isEmpty() || !events.isEmpty()
                || candidates.size() != candidateCount || !run.status().label().equals(lastStatus);
        if (!events.isEmpty()) {
            lastEventSeq = events.getLast().seq();
        }
        rollouts.addAll(newRollouts);
        candidateCount = candidates.size();
        lastStatus = run.status().label();
        if (changed) {
            Usage policy = reader.usage(runId, "policy");
            Usage proposer = reader.usage(runId, "proposer");
            // proposals are not needed for the views and can be large, so the console leaves them out
            RunData data = new RunData(run, candidates, rollouts, reader.decisions(runId), List.of(), policy, proposer);
            summary = RunMetrics.summarize(data, events.isEmpty() ? null : events.getLast().at());
        }
        return new Delta(events.stream().map(EventView::of).toList(),
                newRollouts.stream().map(RolloutTick::of).toList(), changed ? summary : null);
    }

    RunSummary summary() {
        return summary;
    }

    /** @param summary null when nothing changed */
    record Delta(List<EventView> events, List<RolloutTick> rollouts, RunSummary summary) {
        boolean isEmpty() {
            return events.isEmpty() && rollouts.isEmpty() && summary == null;
        }
    }
}
