package dev.gepa4j.testkit.llm.gsm8k;

import java.math.BigDecimal;
import java.util.List;

/**
 * A GSM8K problem's worked solution as the data set annotates it: each {@code <<48/2=24>>} span is a step.
 *
 * @param steps  the annotated calculations, in order (empty for the few problems without annotations)
 * @param answer the gold final answer
 */
record WorkedSolution(List<Step> steps, BigDecimal answer) {
    WorkedSolution {
        steps = List.copyOf(steps);
    }

    /** One annotated calculation: {@code expression} evaluates to {@code result}. */
    record Step(String expression, BigDecimal result) {
        private static final java.util.regex.Pattern NUMBER = java.util.regex.Pattern.compile("\\d+(?:\\.\\d+)?");

        boolean hard() {
            if (!expression.contains("*") && !expression.contains("/")) {
                return false;
            }
            int big = 0; // numbers of two or more significant digits
            var m = NUMBER.matcher(expression);
            while (m.find()) {
                String digits = m.group().replace(".", "").replaceAll("^0+", "").replaceAll("0+$", "");
                if (digits.length() >= 2) {
                    big++;
                }
            }
            return big >= 1;
        }
    }

    /**
     * Whether the double's mental arithmetic slips on this problem: some step multiplies or divides, and a number in
     * that step has two or more significant digits (12 * 4, 1.5 * 8; not 9 * 6, not 80000 * 3).
     */
    boolean hasHardStep() {
        return steps.stream().anyMatch(Step::hard);
    }

    /** The first step the double's mental arithmetic slips on, or -1. */
    int firstHardStep() {
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i).hard()) {
                return i;
            }
        }
        return -1;
    }

    /** Whether the solution is long enough (four steps or more) for a careless solver to stop one step short. */
    boolean isLong() {
        return steps.size() >= 4;
    }
}
