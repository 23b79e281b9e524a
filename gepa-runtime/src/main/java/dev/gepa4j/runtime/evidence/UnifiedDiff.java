package dev.gepa4j.runtime.evidence;

import dev.gepa4j.runtime.workspace.CandidateDiffs;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

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

    /** One diff per changed field, keyed by field in field order; empty when nothing changed. */
    public static Map<String, String> perField(Map<String, String> before, Map<String, String> after) {
        return CandidateDiffs.against(before, after);
    }

    /** The fields whose text differs between the two, in field order (a field one side lacks counts as ""). */
    public static List<String> changedFields(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        return fields.stream().filter(f -> !before.getOrDefault(f, "").equals(after.getOrDefault(f, ""))).toList();
    }
}
