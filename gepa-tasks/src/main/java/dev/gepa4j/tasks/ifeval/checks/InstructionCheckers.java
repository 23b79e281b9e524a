package dev.gepa4j.tasks.ifeval.checks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The registry of checkers by instruction id. An id without a checker is "not checked": the verifier leaves it out
 * of the reward and says so.
 */
public final class InstructionCheckers {
    private static final Map<String, InstructionChecker> BY_ID;

    static {
        List<InstructionChecker> all = new ArrayList<>();
        all.addAll(LengthRules.all());
        all.addAll(KeywordRules.all());
        all.addAll(FormatRules.all());
        all.addAll(CaseRules.all());
        all.addAll(ContentRules.all());
        all.addAll(StartEndRules.all());
        all.addAll(CombinationRules.all());
        all.add(LanguageRule.checker());
        Map<String, InstructionChecker> byId = new TreeMap<>();
        for (InstructionChecker c : all) {
            if (byId.put(c.id(), c) != null) {
                throw new IllegalStateException("two checkers for " + c.id());
            }
        }
        BY_ID = Collections.unmodifiableMap(byId);
    }

    private InstructionCheckers() {
    }

    /** The checker for {@code instructionId}, or empty when that instruction is not checked. */
    public static Optional<InstructionChecker> forId(String instructionId) {
        return Optional.ofNullable(BY_ID.get(instructionId));
    }

    /** Every checked instruction id, sorted. */
    public static List<String> coveredIds() {
        return List.copyOf(BY_ID.keySet());
    }

    /** Every checker, sorted by id. */
    public static List<InstructionChecker> all() {
        return List.copyOf(BY_ID.values());
    }
}
