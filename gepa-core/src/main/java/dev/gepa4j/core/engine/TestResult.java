package dev.gepa4j.core.engine;

import dev.gepa4j.core.stats.PairedLift;
import java.util.Locale;

/**
 * The run's test evaluation: the seed and the final pick on the test split, after the loop.
 *
 * @param rows       test rows in the run
 * @param rollouts   test rollouts made (the test budget's spending, apart from the optimization budget)
 * @param comparison the paired comparison over rows measured for both; null when there is none
 */
public record TestResult(int rows, long rollouts, PairedLift comparison) {

    /** {@code test +0.052 [+0.031, +0.074], p = 0.0004, 500 rows}, or why there is no figure. */
    public String headline() {
        if (comparison == null) {
            return "test: no row measured for both the seed and the best (" + rows + " rows)";
        }
        return String.format(Locale.ROOT, "test %+.3f [%+.3f, %+.3f], %s, %d rows", comparison.lift(),
                comparison.ciLow(), comparison.ciHigh(), pValueText(comparison.pValue()), comparison.n());
    }

    /** {@code p = 0.0004} (four decimals), or {@code p < 0.0001} below that. */
    public static String pValueText(double p) {
        return p < 0.0001 ? "p < 0.0001" : String.format(Locale.ROOT, "p = %.4f", p);
    }
}
