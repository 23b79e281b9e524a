package dev.gepa4j.core.workspace;

import dev.gepa4j.core.model.Usage;
import java.util.List;

/**
 * One proposer call: what it was shown and what it answered.
 *
 * @param seq          proposal number within the run, from 1; a resumed run replays proposals by this number
 * @param proposer     proposer kind ({@code offline}, {@code llm}, {@code agent}, {@code merge})
 * @param parentIds    parents the proposal started from
 * @param input        what the proposer was given, as text (the rendered packet or prompt)
 * @param rawOutput    what it answered, verbatim (may be empty)
 * @param drafts       the proposed payloads it yielded, each a field-to-text map, in order (empty on failure)
 * @param usage        tokens and cost of the call
 * @param error        why the output was rejected (truncated, empty, identical to parent, garbage...), or null
 */
public record ProposalRecord(int seq, String proposer, List<String> parentIds, String input, String rawOutput,
                             List<java.util.Map<String, String>> drafts, Usage usage, String error) {
    public ProposalRecord {
        parentIds = List.copyOf(parentIds);
        drafts = drafts.stream().map(java.util.Map::copyOf).toList();
    }
}
