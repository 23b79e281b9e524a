package dev.gepa4j.core.stats;

/**
 * Compares the best candidate with the seed on the same rows: exact McNemar when every reward of both is 0 or 1,
 * else a paired bootstrap ({@link PairedBootstrap}). The lift is always {@code mean(best) - mean(seed)}.
 */
public final class PairedComparison {
    private PairedComparison() {
    }

    /**
     * @param seed the seed's reward per row
     * @param best the best candidate's reward on the same rows, in the same order
     * @throws IllegalArgumentException when the arrays differ in length or are empty
     */
    public static PairedLift compare(double[] seed, double[] best) {
        if (seed.length != best.length) {
            throw new IllegalArgumentException("paired rewards differ in length: " + seed.length + " seed, "
                    + best.length + " best");
        }
        int n = seed.length;
        if (n == 0) {
            throw new IllegalArgumentException("no paired rows to compare");
        }
        double seedSum = 0;
        double bestSum = 0;
        int bestOnly = 0;
        int seedOnly = 0;
        boolean binary = true;
        double[] d = new double[n];
        for (int i = 0; i < n; i++) {
            seedSum += seed[i];
            bestSum += best[i];
            d[i] = best[i] - seed[i];
            bestOnly += d[i] > 0 ? 1 : 0;
            seedOnly += d[i] < 0 ? 1 : 0;
            binary &= isZeroOrOne(seed[i]) && isZeroOrOne(best[i]);
        }
        double seedMean = seedSum / n;
        double bestMean = bestSum / n;
        if (binary) {
            double[] ci = McNemar.interval(bestOnly, seedOnly, n);
            return new PairedLift(n, seedMean, bestMean, bestMean - seedMean, ci[0], ci[1],
                    McNemar.exactPValue(bestOnly, seedOnly), PairedLift.MCNEMAR,
                    "Agresti-Min adjusted Wald interval for a paired difference", bestOnly, seedOnly, 0, 0);
        }
        double[] r = PairedBootstrap.intervalAndPValue(d);
        return new PairedLift(n, seedMean, bestMean, bestMean - seedMean, r[0], r[1], r[2], PairedLift.BOOTSTRAP,
                "percentile interval of " + PairedBootstrap.RESAMPLES + " paired bootstrap resamples", bestOnly,
                seedOnly, PairedBootstrap.RESAMPLES, PairedBootstrap.SEED);
    }

    private static boolean isZeroOrOne(double v) {
        return v == 0.0 || v == 1.0;
    }
}
