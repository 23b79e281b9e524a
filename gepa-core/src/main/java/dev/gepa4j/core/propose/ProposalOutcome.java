package dev.gepa4j.core.propose;

import dev.gepa4j.core.model.Usage;
import java.util.List;
import java.util.Map;

/**
 * What a proposer made of a packet.
 *
 * @param drafts    full candidate payloads (every mutable field), in the proposer's order of preference; empty when
 *                  the output was rejected
 * @param input     what the proposer was actually given (rendered prompt, folder listing, summary), for the workspace
 * @param rawOutput what it answered, verbatim
 * @param usage     tokens and cost of the call(s)
 * @param error     why the output was rejected, or null; a rejected output is data, not an exception
 */
public record ProposalOutcome(List<Map<String, String>> drafts, String input, String rawOutput, Usage usage,
                              String error) {
    public ProposalOutcome {
        drafts = drafts.stream().map(Map::copyOf).toList();
        input = input == null ? "" : input;
        rawOutput = rawOutput == null ? "" : rawOutput;
        usage = usage == null ? Usage.ZERO : usage;
    }

    public static ProposalOutcome rejected(String input, String rawOutput, Usage usage, String error) {
        return new ProposalOutcome(List.of(), input, rawOutput, usage, error);
    }
}
