package dev.gepa4j.runtime.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.propose.RejectedAttempt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Validates {@code proposal/manifest.json}: valid JSON; {@code proposals} a non-empty list; each payload holds every
 * mutable field and only mutable fields; file references stay inside the folder; at least one field changed; no
 * duplicate of the parent, of a rejected attempt or of another proposal. The manifest and every referenced file
 * are read through {@link FolderFiles}: never through a symbolic link, never past {@code max_file_kb}. A proposal
 * failing a rule is dropped with its reason; when none is left the manifest is rejected with every reason.
 */
final class ManifestCheck {
    static final String MANIFEST = "proposal/manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Drafts, or the reason there are none. */
    record Result(List<Map<String, String>> drafts, String rejection) {
    }

    private ManifestCheck() {
    }

    /**
     * @param maxFileBytes the largest manifest or referenced file read; a larger one is refused unread, naming its size
     */
    static Result check(Path dir, ProposalPacket packet, long maxFileBytes) {
        JsonNode root;
        try {
            root = JSON.readTree(FolderFiles.read(dir, MANIFEST, maxFileBytes, limit(maxFileBytes)));
        } catch (IllegalArgumentException refused) {
            return reject("manifest refused: " + refused.getMessage());
        } catch (IOException e) {
            return reject(MANIFEST + " is not valid JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        JsonNode proposals = root == null ? null : root.get("proposals");
        if (proposals == null || !proposals.isArray() || proposals.isEmpty()) {
            return reject("proposal/manifest.json has no proposals (expected \"proposals\": [{\"proposed_payload\": {...}}])");
        }
        List<Map<String, String>> drafts = new ArrayList<>();
        List<String> drops = new ArrayList<>();
        for (int i = 0; i < Math.min(proposals.size(), packet.proposalsWanted()); i++) {
            String label = "proposal " + (i + 1) + ": ";
            try {
                Map<String, String> draft = payload(dir, proposals.get(i).get("proposed_payload"), packet,
                        maxFileBytes);
                String dup = duplicateOf(draft, packet, drafts);
                if (dup != null) {
                    drops.add(label + dup);
                } else {
                    drafts.add(draft);
                }
            } catch (IllegalArgumentException bad) {
                drops.add(label + bad.getMessage());
            }
        }
        return drafts.isEmpty() ? reject(String.join("; ", drops)) : new Result(drafts, null);
    }

    private static Map<String, String> payload(Path dir, JsonNode node, ProposalPacket packet, long maxFileBytes) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("proposed_payload is missing or not an object");
        }
        var mutable = new TreeSet<>(packet.mutableFields());
        Map<String, String> draft = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!mutable.contains(e.getKey())) {
                throw new IllegalArgumentException("field '" + e.getKey() + "' is not mutable (mutable: " + mutable + ")");
            }
            draft.put(e.getKey(), text(dir, e.getKey(), e.getValue(), maxFileBytes));
        }
        var missing = new TreeSet<>(mutable);
        missing.removeAll(draft.keySet());
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("payload lacks mutable field(s) " + missing + "; give the full payload");
        }
        return draft;
    }

    private static String text(Path dir, String field, JsonNode value, long maxFileBytes) {
        if (value.isTextual()) {
            return value.asText();
        }
        if (value.isObject() && value.path("file").isTextual()) {
            String ref = value.get("file").asText();
            try {
                return FolderFiles.read(dir, ref, maxFileBytes, limit(maxFileBytes));
            } catch (IllegalArgumentException refused) {
                throw new IllegalArgumentException("field '" + field + "': " + refused.getMessage());
            }
        }
        throw new IllegalArgumentException("field '" + field + "' must be a string or {\"file\": \"...\"}");
    }

    static String limit(long maxFileBytes) {
        return "max_file_kb = " + maxFileBytes / 1024;
    }

    private static String duplicateOf(Map<String, String> draft, ProposalPacket p, List<Map<String, String>> kept) {
        Map<String, String> parent = new LinkedHashMap<>();
        p.mutableFields().forEach(f -> parent.put(f, p.parent().components().getOrDefault(f, "")));
        if (same(draft, parent)) {
            return "changes no field (identical to the parent)";
        }
        for (RejectedAttempt a : p.rejectedAttempts()) {
            if (draft.entrySet().stream().allMatch(e -> e.getValue().strip().equals(
                    a.components().getOrDefault(e.getKey(), parent.get(e.getKey())).strip()))) {
                return "repeats an earlier rejected attempt (" + a.reason() + ")";
            }
        }
        return kept.stream().anyMatch(k -> same(k, draft)) ? "duplicate of an earlier proposal in the manifest" : null;
    }

    private static boolean same(Map<String, String> a, Map<String, String> b) {
        return a.keySet().equals(b.keySet()) && a.entrySet().stream()
                .allMatch(e -> e.getValue().strip().equals(b.get(e.getKey()).strip()));
    }

    private static Result reject(String reason) {
        return new Result(List.of(), reason);
    }
}
