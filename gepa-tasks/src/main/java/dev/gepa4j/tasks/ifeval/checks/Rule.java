package dev.gepa4j.tasks.ifeval.checks;

import java.util.Locale;
import java.util.function.BiFunction;
import java.util.function.ToLongBiFunction;

/** A checker made of an id, its definition and a function; the rule classes build their checkers from these. */
record Rule(String id, String definition, BiFunction<String, InstructionArgs, CheckOutcome> body)
        implements InstructionChecker {

    @Override
    public CheckOutcome check(String response, InstructionArgs args) {
        return body.apply(response == null ? "" : response, args);
    }

    /**
     * A rule that counts something in the response and compares the count with a bound ({@code at least} /
     * {@code less than}), both read from the instruction's parameters.
     *
     * @param relationParam the parameter holding the relation
     * @param boundParam    the parameter holding the bound
     * @param count         what is counted
     * @param asked         what was asked, given the parameters and the relation's words (e.g. {@code at least 300})
     * @param gotFormat     what was measured, a format with one {@code %d} for the count, e.g. {@code got %d}
     */
    static Rule counting(String id, String definition, String relationParam, String boundParam,
                         ToLongBiFunction<String, InstructionArgs> count,
                         BiFunction<InstructionArgs, String, String> asked, String gotFormat) {
        return new Rule(id, definition, (response, args) -> {
            Relation relation = args.relation(relationParam);
            int bound = args.integer(boundParam);
            long got = count.applyAsLong(response, args);
            return CheckOutcome.of(relation.holds(got, bound), asked.apply(args, relation.phrase(bound)) + ", "
                    + String.format(Locale.ROOT, gotFormat, got));
        });
    }
}
