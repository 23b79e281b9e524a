package dev.gepa4j.core.workspace;

import dev.gepa4j.core.model.Usage;

/**
 * A usage ledger line.
 *
 * @param source {@code policy} or {@code proposer}
 * @param model  the model the tokens were spent on
 * @param ref    what the call belonged to (rollout id, proposal seq)
 */
public record UsageEntry(String source, String model, String ref, Usage usage) {
}
