package dev.gepa4j.runtime.evidence;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Unified diffs of whole candidates (java-diff-utils, 3 lines of context), in the same per-field format the workspace
 * stores against a candidate's parent: {@code --- a/<field>}, {@code +++ b/<field>}.
 */
public final class UnifiedDiff {
    private static final int CONTEXT_LINES = 3;

    private UnifiedDiff() {
    }

    /** One diff per changed field, concatenated in field order; "" when nothing changed. */
    public static String ofComponents(Map<String, String> before, Map<String, String> after) {
        TreeSet<String> fields = new TreeSet<>(before.keySet());
        fields.addAll(after.keySet());
        StringBuilder out = new StringBuilder();
        for (String field : fields) {
            List<String> a = before.getOrDefault(field, "").lines().toList();
            List<String> b = after.getOrDefault(field, "").lines().toList();
            if (!a.equals(b)) {
                var patch = DiffUtils.diff(a, b);
                UnifiedDiffUtils.generateUnifiedDiff("a/" + field, "b/" + field, a, patch, CONTEXT_LINES)
                        .forEach(line -> out.append(line).append('\n'));
            }
        }
        return out.toString();
    }
}
