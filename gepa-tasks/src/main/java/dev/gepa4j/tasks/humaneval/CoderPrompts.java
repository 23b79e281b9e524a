package dev.gepa4j.tasks.humaneval;

/** The two candidate fields of {@code humaneval-coder}, their seed texts, and how they reach the model. */
public final class CoderPrompts {
    /** Shapes the answer: what the model is and what form it answers in. */
    public static final String SYSTEM_PROMPT = "system_prompt";
    /** Shapes the code: how the function should be written. */
    public static final String CODING_GUIDELINES = "coding_guidelines";
    /** A plain seed: it names no answer format and no edge cases, which is what the optimizer has to find. */
    public static final String SEED_SYSTEM_PROMPT = "You are a Python programmer. Complete the function the user gives "
            + "you.";
    public static final String SEED_CODING_GUIDELINES = "Follow the docstring and its examples.";

    private CoderPrompts() {
    }

    /** The system message: the system prompt, then the guidelines under their own heading. */
    public static String systemMessage(String systemPrompt, String codingGuidelines) {
        return systemPrompt.strip() + "\n\nCoding guidelines:\n" + codingGuidelines.strip();
    }

    /** The user message for one problem. */
    public static String userMessage(HumanEvalProblem problem) {
        return "Complete this Python function:\n\n```python\n" + problem.prompt() + "```";
    }
}
