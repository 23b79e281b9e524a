package dev.gepa4j.tasks.banking77;

/** Which kind of change {@link OfflinePromptEditor} makes for each failure. */
public enum EditFocus {
    /**
     * Give the expected and the predicted label their knowledge-base descriptions (added when missing, sharpened when
     * the prompt has only a generic one); no rules, no example phrases.
     */
    DESCRIPTIONS,
    /**
     * Add the knowledge-base contrast rule for the (expected, predicted) pair that the message triggers; when the
     * knowledge base has none, fall back to a rule on a word of the message.
     */
    RULES,
    /**
     * Descriptions as in {@link #DESCRIPTIONS} plus the knowledge-base contrast rule when there is one, and an example
     * phrase only when the expected label was already described from the knowledge base and no rule applies: the
     * default, closest to what an LLM reflector writes.
     */
    DESCRIPTIONS_AND_RULES,
    /** Descriptions as in {@link #DESCRIPTIONS} plus the failing message as an example phrase of the expected label. */
    EXAMPLES
}
