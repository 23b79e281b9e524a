package dev.gepa4j.tasks.gsm8k.debate;

/**
 * The fields of the GSM8K debate program, their seed texts, and the fixed framing of each agent turn (the part of
 * every user message the candidate does not control).
 */
public final class DebatePrompts {
    /** The solver's system message. */
    public static final String SOLVER_PROMPT = "solver_prompt";
    /** The critic's system message. */
    public static final String CRITIC_PROMPT = "critic_prompt";

    public static final String SEED_SOLVER_PROMPT = "You solve grade-school math word problems.";
    public static final String SEED_CRITIC_PROMPT =
            "You review another model's solution to a math word problem and decide whether to accept it.";

    private DebatePrompts() {
    }

    /** The solver's first turn. */
    static String solve(String question) {
        return "Problem:\n" + question + "\n\nSolve the problem. End your reply with a line 'Answer: <number>'.";
    }

    /** The critic's turn on the solver's latest solution. */
    static String review(String question, String solution) {
        return "Problem:\n" + question + "\n\nA solver's solution:\n" + solution + "\n\nReview the solution. End your "
                + "reply with ACCEPT if its final answer is right, or REJECT followed by what is wrong.";
    }

    /** The solver's turn after a critique. */
    static String revise(String critique) {
        return "A critic reviewed your solution:\n" + critique + "\n\nRevise your solution if the critique is right; "
                + "keep your answer if it is not. End your reply with a line 'Answer: <number>'.";
    }
}
