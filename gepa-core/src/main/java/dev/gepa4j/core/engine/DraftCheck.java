package dev.gepa4j.core.engine;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Checks a proposer's draft against the proposer contract: exactly the candidate's fields, none of them blank. */
final class DraftCheck {
    private DraftCheck() {
    }

    /** What is wrong with the draft, or null when it is usable. */
    static String problem(Map<String, String> draft, List<String> fields) {
        if (!new TreeSet<>(draft.keySet()).equals(new TreeSet<>(fields))) {
            return "the draft's fields " + new TreeSet<>(draft.keySet()) + " are not the candidate's fields " + fields
                    + " (a draft must carry every field, changed or not)";
        }
        for (Map.Entry<String, String> e : draft.entrySet()) {
            if (e.getValue() == null || e.getValue().isBlank()) {
                return "the draft leaves field '" + e.getKey() + "' empty";
            }
        }
        return null;
    }
}
