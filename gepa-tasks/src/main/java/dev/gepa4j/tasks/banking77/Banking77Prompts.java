package dev.gepa4j.tasks.banking77;

import java.util.List;
import java.util.Locale;

/** The seed prompt of the demo and the label vocabulary shown in the program's metadata. */
public final class Banking77Prompts {
    /** The deliberately weak, generic starting prompt; the policy knows only the label names with it. */
    public static final String SEED_PROMPT = "Classify the user's banking intent. Return the best matching label.";

    private static final List<String> LABELS = Banking77Dataset.bundledLabels();

    private Banking77Prompts() {}

    /** The 77 labels in {@code categories.json} order (not sorted; some are odd, e.g. {@code reverted_card_payment?}). */
    public static List<String> labels() {
        return LABELS;
    }

    /** A label as words, e.g. {@code Refund_not_showing_up} becomes "refund not showing up". */
    public static String humanize(String label) {
        return label.replace('_', ' ').replace("?", "").toLowerCase(Locale.ROOT).strip();
    }
}
