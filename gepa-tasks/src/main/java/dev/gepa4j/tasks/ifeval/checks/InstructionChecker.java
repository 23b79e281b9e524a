package dev.gepa4j.tasks.ifeval.checks;

/** Checks one kind of IFEval instruction. Implementations are stateless and thread-safe. */
public interface InstructionChecker {

    /** The instruction id this checker judges, e.g. {@code punctuation:no_comma}. */
    String id();

    /** One line for users: what "followed" means here. */
    String definition();

    /**
     * Judges {@code response} against the instruction with parameters {@code args}.
     *
     * @throws IllegalArgumentException when a parameter the instruction needs is missing or malformed (a data error)
     */
    CheckOutcome check(String response, InstructionArgs args);
}
