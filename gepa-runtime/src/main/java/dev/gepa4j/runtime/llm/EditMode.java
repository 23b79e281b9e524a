package dev.gepa4j.runtime.llm;

import java.util.Locale;

/** How the model is asked to change a text. */
public enum EditMode {
    /** The model writes the whole new text. */
    REWRITE,
    /**
     * The model writes a short, capped list of SEARCH/REPLACE edits that this proposer applies, so texts change by
     * small steps and do not bloat from one generation to the next.
     */
    EDIT;

    /** Parses {@code "rewrite"} or {@code "edit"}; the error says which values exist. */
    public static EditMode parse(String value) {
        if (value == null || value.isBlank()) {
            return REWRITE;
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "rewrite" -> REWRITE;
            case "edit", "edits" -> EDIT;
            default -> throw new IllegalArgumentException("unknown [proposer] edit_mode '" + value
                    + "'; use \"rewrite\" (whole new text) or \"edit\" (bounded SEARCH/REPLACE edits)");
        };
    }
}
