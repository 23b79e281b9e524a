package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.workspace.CandidateRecord;
import java.util.List;
import java.util.Map;

/** A candidate's text as the views show it on request: its components and their diffs against its first parent. */
public record CandidatePrompt(String candidateId, int index, String origin, List<String> parents,
                              Map<String, String> components, Map<String, String> diffs) {
    public static CandidatePrompt of(CandidateRecord record) {
        var c = record.candidate();
        return new CandidatePrompt(c.id(), c.index(), c.origin(), c.parentIds(), c.components(), record.diffs());
    }
}
