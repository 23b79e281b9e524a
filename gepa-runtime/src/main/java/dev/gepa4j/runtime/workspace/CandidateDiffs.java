package dev.gepa4j.runtime.workspace;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Per-field unified diffs of a candidate against a parent (java-diff-utils), as stored with every candidate. */
public final class CandidateDiffs {
    private static final int CONTEXT_LINES = 3;

    private CandidateDiffs() {
    }

    /**
     * One unified diff per field whose text differs; a field only one side has is diffed against empty text.
     * Unchanged fields are absent, so the seed (no parent) and an identical copy both give an empty map.
     */
    public static Map<String, String> against(Map<String, String> parent, Map<String, String> child) {
        Map<String, String> diffs = new TreeMap<>();
        TreeSet<String> fields = new TreeSet<>(parent.keySet());
        fields.addAll(child.keySet());
        for (String field : fields) {
            String before = parent.getOrDefault(field, "");
            String after = child.getOrDefault(field, "");
            if (!before.equals(after)) {
                diffs.put(field, unified(field, before, after));
            }
        }
        return diffs;
    }

    static String unified(String field, String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        Patch<String> patch = DiffUtils.diff(a, b);
        List<String> lines = UnifiedDiffUtils.generateUnifiedDiff("a/" + field, "b/" + field, a, patch, CONTEXT_LINES);
        return String.join("\n", lines) + "\n";
    }
}
