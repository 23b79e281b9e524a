package dev.gepa4j.runtime.container;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.core.model.RolloutResult;

/**
 * Keeps a rollout's trace to a bounded size before it is stored and shown to proposers. A trace longer than the cap
 * (in characters of its JSON text) is replaced by a small JSON document that says so: {@code truncated: true}, the
 * original length in {@code original_chars}, and the trace's beginning as a string in {@code head}, so the workspace
 * and the proposer still see what the trace started with.
 */
final class StoredTrace {
    /** Room kept for the note's own keys around the head. */
    private static final int NOTE_OVERHEAD = 64;

    private StoredTrace() {
    }

    static RolloutResult bounded(RolloutResult r, int maxChars) {
        String trace = r.traceJson();
        if (trace.length() <= maxChars) {
            return r;
        }
        ObjectNode note = JsonNodeFactory.instance.objectNode();
        note.put("truncated", true);
        note.put("original_chars", trace.length());
        // half the cap: escaping can lengthen the head (up to six-fold for control characters), so the note stays
        // within the cap for ordinary text and within a small multiple of it for any text
        note.put("head", trace.substring(0, Math.max(0, (maxChars - NOTE_OVERHEAD) / 2)));
        return new RolloutResult(r.rolloutId(), r.candidateId(), r.example(), r.status(), r.reward(), r.output(),
                r.verifier(), ContractCodec.writeTree(note), r.usage(), r.latencyMs(), r.attempts(), r.endpoint(),
                r.cached(), r.error());
    }
}
