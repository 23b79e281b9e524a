package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.strategy.AcceptanceRule;
import java.util.Locale;

/**
 * The gate's judgement of a child against its parent on the same examples, with a reason a person can check against
 * the journal: the child's rollouts that ran, their reward sum, and the parent's sum on those examples.
 *
 * @param childSum      sum of the child's measured rewards
 * @param childMeasured child rollouts with a measured result
 * @param size          examples compared
 */
record GateVerdict(boolean passed, String reason, double parentSum, double childSum, int childMeasured, int size) {

    /** Cancels the rest of the child's batch once the rule says it cannot pass (an errored rollout counts as 0). */
    static EarlyStop earlyStop(AcceptanceRule rule, double parentSum) {
        return partial -> {
            double sum = 0;
            int done = 0;
            for (RolloutResult r : partial) {
                if (r != null) {
                    done++;
                    sum += r.measured() ? r.reward() : 0;
                }
            }
            return rule.hopeless(parentSum, sum, partial.size() - done);
        };
    }

    static GateVerdict judge(BatchResult child, double parentSum, AcceptanceRule rule) {
        int size = child.results().size();
        double sum = 0;
        int measured = 0;
        int errored = 0;
        String firstError = null;
        for (RolloutResult r : child.results()) {
            if (r == null) {
                continue;
            }
            if (r.measured()) {
                measured++;
                sum += r.reward();
            } else {
                errored++;
                firstError = firstError == null ? r.error() : firstError;
            }
        }
        int notRun = size - measured - errored;
        String scores = String.format(Locale.ROOT, "child %.4f vs parent %.4f", sum, parentSum);
        if (errored > 0) {
            return new GateVerdict(false, errored + " of " + size + " child rollouts gave no measurement (first: "
                    + firstError + "); " + scores, parentSum, sum, measured, size);
        }
        if (notRun > 0) {
            String why = child.budgetExhausted() ? "the rollout budget ran out after " + measured + " of " + size
                    + " child rollouts"
                    : String.format(Locale.ROOT, "stopped early after %d of %d child rollouts: %s, so even %d more at 1"
                            + " cannot meet %s", measured, size, scores, notRun, rule.requirement());
            return new GateVerdict(false, why, parentSum, sum, measured, size);
        }
        boolean passed = rule.accepts(parentSum, sum);
        return new GateVerdict(passed, scores + " on " + size + " examples: " + (passed ? "meets " : "does not meet ")
                + rule.requirement(), parentSum, sum, measured, size);
    }
}
