package dev.gepa4j.core.stats;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A paired bootstrap for the mean of per-row differences (best minus seed), for rewards that are not all 0/1.
 *
 * <p>{@link #RESAMPLES} times, {@code n} rows are drawn with replacement from a {@link SplittableRandom} seeded with
 * {@link #SEED} (so the same rows always give the same figures) and the mean difference of the draw is kept.
 * Interval: the 2.5th and 97.5th percentiles of those means (nearest rank). p-value: the draws shifted by the
 * observed mean stand for "no difference"; p = (1 + #{|shifted mean| >= |observed mean|}) / (RESAMPLES + 1),
 * and 1 when the observed mean is 0. The differences are sorted first, so the figures depend on the rows' values and
 * not on their order.
 */
public final class PairedBootstrap {
    /** Resamples drawn. */
    public static final int RESAMPLES = 10_000;
    /** The fixed seed of the resampling. */
    public static final long SEED = 20_161_604L;

    private PairedBootstrap() {
    }

    /** {@code [lo, hi, p]} for the per-row differences {@code d}; needs at least one row. */
    public static double[] intervalAndPValue(double[] d) {
        return intervalAndPValue(d, RESAMPLES, SEED);
    }

    static double[] intervalAndPValue(double[] d, int resamples, long seed) {
        int n = d.length;
        if (n == 0) {
            throw new IllegalArgumentException("the bootstrap needs at least one paired row");
        }
        d = d.clone();
        Arrays.sort(d);
        double observed = Arrays.stream(d).average().orElseThrow();
        SplittableRandom random = new SplittableRandom(seed);
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += d[random.nextInt(n)];
            }
            means[r] = sum / n;
        }
        int extreme = 0;
        for (double m : means) {
            // A small tolerance so that sums of the same values in another order still count as equal.
            if (Math.abs(m - observed) >= Math.abs(observed) - 1e-12) {
                extreme++;
            }
        }
        Arrays.sort(means);
        double p = observed == 0 ? 1.0 : Math.min(1.0, (1.0 + extreme) / (resamples + 1.0));
        return new double[] {percentile(means, 0.025), percentile(means, 0.975), p};
    }

    /** Nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
