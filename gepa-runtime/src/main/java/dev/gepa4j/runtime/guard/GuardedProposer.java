package dev.gepa4j.runtime.guard;

import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.Proposer;
import dev.gepa4j.core.secret.Secrets;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Wraps any proposer so that what it is shown and what it returns are bounded and free of known secrets:
 * <ul>
 *   <li>the packet it is shown has known secret values removed from the text that came from the task container
 *       ({@link PacketScrub});</li>
 *   <li>a draft with a field larger than {@code maxFieldBytes} (UTF-8) is dropped, the reason naming the field and
 *       its size; a proposal whose drafts are all dropped is rejected with every reason;</li>
 *   <li>a draft containing the value of a known secret is dropped (it would be sent to the task container and
 *       stored); the reason names the variable, never the value;</li>
 *   <li>the recorded input, raw output and rejection message have every known secret value replaced by
 *       {@code [secret NAME removed]}.</li>
 * </ul>
 * Exceptions from the wrapped proposer pass through with their message scrubbed.
 */
public final class GuardedProposer implements Proposer {
    /** Default {@code max_field_kb}: 64 KB per proposed field, far above any prompt that still fits a context. */
    public static final long DEFAULT_MAX_FIELD_BYTES = 64 * 1024;

    private final Proposer inner;
    private final long maxFieldBytes;
    private final Secrets secrets;

    public GuardedProposer(Proposer inner, long maxFieldBytes, Secrets secrets) {
        if (maxFieldBytes < 1024) {
            throw new IllegalArgumentException("[proposer] max_field_kb must be >= 1");
        }
        this.inner = inner;
        this.maxFieldBytes = maxFieldBytes;
        this.secrets = secrets;
    }

    @Override
    public String kind() {
        return inner.kind();
    }

    @Override
    public ProposalOutcome propose(ProposalPacket packet) {
        ProposalOutcome raw;
        try {
            raw = inner.propose(PacketScrub.scrub(packet, secrets));
        } catch (dev.gepa4j.core.propose.ProposerUnavailableException e) {
            throw new dev.gepa4j.core.propose.ProposerUnavailableException(secrets.scrub(e.getMessage()),
                    e.retriable(), e.getCause());
        }
        List<Map<String, String>> kept = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (int i = 0; i < raw.drafts().size(); i++) {
            Map<String, String> draft = raw.drafts().get(i);
            String problem = problem(draft);
            if (problem == null) {
                kept.add(draft);
            } else {
                drops.add((raw.drafts().size() > 1 ? "proposal " + (i + 1) + ": " : "") + problem);
            }
        }
        String error = raw.error();
        if (kept.isEmpty() && !drops.isEmpty()) {
            error = String.join("; ", drops);
        }
        return new ProposalOutcome(kept, secrets.scrub(raw.input()), secrets.scrub(raw.rawOutput()), raw.usage(),
                secrets.scrub(error));
    }

    private String problem(Map<String, String> draft) {
        for (Map.Entry<String, String> e : new LinkedHashMap<>(draft).entrySet()) {
            long bytes = e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
            if (bytes > maxFieldBytes) {
                return "field '" + e.getKey() + "' is " + size(bytes) + ", over max_field_kb = "
                        + maxFieldBytes / 1024 + "; shorten it or raise max_field_kb in [proposer]";
            }
            var secret = secrets.foundIn(e.getValue());
            if (secret.isPresent()) {
                return "field '" + e.getKey() + "' contains the value of " + secret.get()
                        + "; a key never goes into a prompt (the draft was dropped, the value removed from the record)";
            }
        }
        return null;
    }

    private static String size(long bytes) {
        return bytes < 1024 * 1024 ? (bytes + 1023) / 1024 + " KB"
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024));
    }
}
