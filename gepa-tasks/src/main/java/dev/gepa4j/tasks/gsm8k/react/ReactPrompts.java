package dev.gepa4j.tasks.gsm8k.react;

/** The fields of the GSM8K ReAct program and their seed texts. */
public final class ReactPrompts {
    /** The system message of every model call: how to reason and how to state the final answer. */
    public static final String SYSTEM_PROMPT = "system_prompt";
    /** The calculator tool's description, sent in the request's {@code tools}: when and how to use the tool. */
    public static final String TOOL_GUIDE = "tool_guide";

    /** A deliberately plain seed: it says neither how to end nor when to use the tool. */
    public static final String SEED_SYSTEM_PROMPT =
            "You solve grade-school math word problems. Think it through step by step.";
    /** A seed tool description that only says what the tool is. */
    public static final String SEED_TOOL_GUIDE =
            "A calculator. Evaluates an arithmetic expression such as (16 - 3 - 4) * 2.";

    private ReactPrompts() {
    }
}
