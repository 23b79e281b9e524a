package dev.gepa4j.core.stats;

import java.util.Objects;

/**
 * The best candidate against the seed on the same rows.
 *
 * @param n          paired rows (both measured)
 * @param seedMean   the seed's mean reward on them
 * @param bestMean   the best candidate's mean reward on them
 * @param lift       {@code bestMean - seedMean}
 * @param ciLow      lower end of the 95% interval for the lift
 * @param ciHigh     upper end of the 95% interval for the lift
 * @param pValue     two-sided p-value of "no difference"
 * @param method     {@link #MCNEMAR} or {@link #BOOTSTRAP}
 * @param ciMethod   how the interval was computed, in words
 * @param bestOnly   McNemar: rows only the best got right; bootstrap: rows where the best scored higher
 * @param seedOnly   McNemar: rows only the seed got right; bootstrap: rows where the seed scored higher
 * @param resamples  bootstrap resamples (0 for McNemar)
 * @param randomSeed the bootstrap's fixed seed (0 for McNemar)
 */
public record PairedLift(int n, double seedMean, double bestMean, double lift, double ciLow, double ciHigh,
                         double pValue, String method, String ciMethod, int bestOnly, int seedOnly, int resamples,
                         long randomSeed) {
    /** Exact McNemar test (two-sided binomial test on the discordant pairs) for 0/1 rewards. */
    public static final String MCNEMAR = "exact_mcnemar";
    /** Paired bootstrap over rows for any other reward. */
    public static final String BOOTSTRAP = "paired_bootstrap";

    public PairedLift {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(ciMethod, "ciMethod");
        if (n < 0 || pValue < 0 || pValue > 1 || ciLow > ciHigh) {
            throw new IllegalArgumentException("inconsistent paired lift: n=" + n + " p=" + pValue + " ci=["
                    + ciLow + ", " + ciHigh + "]");
        }
    }
}
