package dev.gepa4j.core.stats;

/**
 * The exact McNemar test and an interval for the difference of paired proportions, for 0/1 outcomes.
 *
 * <p>Only discordant rows carry information: {@code b} rows the best got right and the seed wrong, {@code c} the
 * other way round. Under "no difference" each discordant row is a fair coin, so the two-sided p-value is
 * {@code min(1, 2 P(X <= min(b, c)))} for {@code X ~ Binomial(b + c, 1/2)} (1 when there is no discordant row).
 *
 * <p>The interval is Agresti and Min's adjusted Wald interval for a paired difference: half a count is added to each
 * of the four cells of the 2x2 table ({@code n} grows by 2), then
 * {@code d = (b' - c') / n'} and {@code se = sqrt((b' + c') - (b' - c')^2 / n') / n'}, giving {@code d +- 1.96 se}.
 * It keeps close to its nominal coverage on small tables where the plain Wald interval does not.
 */
public final class McNemar {
    static final double Z95 = 1.959963984540054;

    private McNemar() {
    }

    /** Two-sided exact p-value for {@code b} and {@code c} discordant rows. */
    public static double exactPValue(int b, int c) {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts must be >= 0, were " + b + " and " + c);
        }
        int n = b + c;
        if (n == 0) {
            return 1.0;
        }
        int k = Math.min(b, c);
        // P(X <= k) summed in log space: C(n, i) 2^-n overflows doubles well before n = 2000.
        double logHalfPowerN = -n * Math.log(2);
        double logChoose = 0; // log C(n, 0)
        double tail = 0;
        for (int i = 0; i <= k; i++) {
            if (i > 0) {
                logChoose += Math.log(n - i + 1) - Math.log(i);
            }
            tail += Math.exp(logChoose + logHalfPowerN);
        }
        return Math.min(1.0, 2 * tail);
    }

    /** The adjusted Wald 95% interval for the lift over {@code n} paired rows; {@code [lo, hi]}. */
    public static double[] interval(int b, int c, int n) {
        if (n < b + c) {
            throw new IllegalArgumentException("n (" + n + ") is smaller than the discordant rows (" + (b + c) + ")");
        }
        double bb = b + 0.5;
        double cc = c + 0.5;
        double nn = n + 2.0;
        double d = (bb - cc) / nn;
        double se = Math.sqrt(Math.max(0, (bb + cc) - (bb - cc) * (bb - cc) / nn)) / nn;
        return new double[] {Math.max(-1, d - Z95 * se), Math.min(1, d + Z95 * se)};
    }
}
