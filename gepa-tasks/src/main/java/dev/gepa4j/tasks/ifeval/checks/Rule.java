package dev.gepa4j.tasks.ifeval.checks;

import java.util.function.BiFunction;

/** A checker made of an id, its definition and a function; the rule classes build their checkers from these. */
record Rule(String id, String definition, BiFunction<String, InstructionArgs, CheckOutcome> body)
        implements InstructionChecker {

    @Override
    public CheckOutcome check(String response, InstructionArgs args) {
        return body.apply(response == null ? "" : response, args);
    }
}
