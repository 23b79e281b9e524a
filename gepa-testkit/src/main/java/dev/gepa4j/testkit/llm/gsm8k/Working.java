package dev.gepa4j.testkit.llm.gsm8k;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/** How the double writes out arithmetic done "in its head". */
final class Working {
    private Working() {
    }

    /** Each worked step as {@code expression = result}, the first hard step shown {@code slip} too high. */
    static String inHead(WorkedSolution solution, BigDecimal slip) {
        return upTo(solution, solution.steps().size(), slip);
    }

    /** The first {@code count} steps written out. */
    static String upTo(WorkedSolution solution, int count, BigDecimal slip) {
        List<String> lines = new ArrayList<>();
        int hard = solution.firstHardStep();
        for (int i = 0; i < count && i < solution.steps().size(); i++) {
            WorkedSolution.Step step = solution.steps().get(i);
            BigDecimal result = i == hard ? step.result().add(slip) : step.result();
            lines.add("Step " + (i + 1) + ": " + step.expression() + " = " + show(result));
        }
        return lines.isEmpty() ? "I work it out directly." : String.join("\n", lines);
    }

    static String show(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }
}
