package dev.gepa4j.runtime.evidence;

import dev.gepa4j.runtime.workspace.CandidateDiffs;
import java.util.Map;

/**
 * Unified diffs of whole candidates, in the same per-field format the workspace stores against a candidate's parent
 * ({@code --- a/<field>}, {@code +++ b/<field>}): the workspace's own {@link CandidateDiffs}, concatenated.
 */
public final class UnifiedDiff {
    private UnifiedDiff() {
    }

    /** One diff per changed field, concatenated in field order; "" when nothing changed. */
    public static String ofComponents(Map<String, String> before, Map<String, String> after) {
        return String.join("", CandidateDiffs.against(before, after).values());
    }
}
