package dev.gepa4j.core.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class PairedComparisonTest {

    @Test
    void exactMcNemarMatchesBinomialTailsWorkedByHand() {
        // n = 12 discordant rows, k = 2: P(X <= 2) = (C(12,0) + C(12,1) + C(12,2)) / 2^12 = 79 / 4096.
        assertThat(McNemar.exactPValue(10, 2)).isCloseTo(2 * 79 / 4096.0, within(1e-15));
        assertThat(McNemar.exactPValue(2, 10)).isCloseTo(2 * 79 / 4096.0, within(1e-15));
        // n = 5, k = 0: 2 / 32.
        assertThat(McNemar.exactPValue(5, 0)).isCloseTo(0.0625, within(1e-15));
        // n = 6, k = 3: 2 (1 + 6 + 15 + 20) / 64 > 1, capped.
        assertThat(McNemar.exactPValue(3, 3)).isEqualTo(1.0);
        assertThat(McNemar.exactPValue(0, 0)).isEqualTo(1.0);
        // n = 90, k = 30: 2 * sum_{i<=30} C(90, i) / 2^90, summed in exact rationals = 0.0020602656809630...
        assertThat(McNemar.exactPValue(60, 30)).isCloseTo(0.002060265680963076, within(1e-12));
    }

    @Test
    void adjustedWaldIntervalWorkedByHand() {
        // b' = 10.5, c' = 2.5, n' = 102: d = 8/102 = 0.0784314; se = sqrt(13 - 64/102)/102 = 0.0344847.
        double[] ci = McNemar.interval(10, 2, 100);
        assertThat(ci[0]).isCloseTo(0.0784314 - 1.959964 * 0.0344847, within(1e-6));
        assertThat(ci[1]).isCloseTo(0.0784314 + 1.959964 * 0.0344847, within(1e-6));
        // No discordant row: symmetric around 0, se = sqrt(1)/12.
        double[] none = McNemar.interval(0, 0, 10);
        assertThat(none[0]).isCloseTo(-1.959964 / 12, within(1e-6));
        assertThat(none[1]).isCloseTo(1.959964 / 12, within(1e-6));
        assertThatThrownBy(() -> McNemar.interval(5, 6, 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("smaller than the discordant rows");
    }

    @Test
    void binaryRewardsUseMcNemarWithCountsMeansAndLift() {
        // 100 rows: 10 only the best gets right, 2 only the seed, 50 both, 38 neither.
        double[] seed = new double[100];
        double[] best = new double[100];
        for (int i = 0; i < 100; i++) {
            boolean both = i < 50;
            best[i] = both || (i >= 50 && i < 60) ? 1 : 0;
            seed[i] = both || (i >= 60 && i < 62) ? 1 : 0;
        }
        PairedLift lift = PairedComparison.compare(seed, best);
        assertThat(lift.method()).isEqualTo(PairedLift.MCNEMAR);
        assertThat(lift.n()).isEqualTo(100);
        assertThat(lift.bestOnly()).isEqualTo(10);
        assertThat(lift.seedOnly()).isEqualTo(2);
        assertThat(lift.seedMean()).isCloseTo(0.52, within(1e-12));
        assertThat(lift.bestMean()).isCloseTo(0.60, within(1e-12));
        assertThat(lift.lift()).isCloseTo(0.08, within(1e-12));
        assertThat(lift.pValue()).isCloseTo(2 * 79 / 4096.0, within(1e-15));
        assertThat(lift.ciLow()).isCloseTo(McNemar.interval(10, 2, 100)[0], within(1e-15));
        assertThat(lift.resamples()).isZero();
    }

    @Test
    void constantDifferencesGiveADegenerateBootstrapInterval() {
        double[] seed = {0.2, 0.4, 0.6, 0.1};
        double[] best = {0.45, 0.65, 0.85, 0.35};
        PairedLift lift = PairedComparison.compare(seed, best);
        assertThat(lift.method()).isEqualTo(PairedLift.BOOTSTRAP);
        assertThat(lift.lift()).isCloseTo(0.25, within(1e-12));
        // Every resample's mean difference is 0.25: the interval is a point and no shifted draw reaches 0.25.
        assertThat(lift.ciLow()).isCloseTo(0.25, within(1e-12));
        assertThat(lift.ciHigh()).isCloseTo(0.25, within(1e-12));
        assertThat(lift.pValue()).isCloseTo(1.0 / (PairedBootstrap.RESAMPLES + 1), within(1e-12));
        assertThat(lift.randomSeed()).isEqualTo(PairedBootstrap.SEED);
    }

    @Test
    void twoRowBootstrapMatchesItsExactDistribution() {
        // Differences {0, 0.5}: a resample's mean is 0, 0.25 or 0.5 with probability 1/4, 1/2, 1/4. The 2.5th
        // percentile is 0 and the 97.5th is 0.5; shifted by the observed 0.25, |mean - 0.25| >= 0.25 happens
        // with probability 1/2, so p is about 0.5.
        double[] r = PairedBootstrap.intervalAndPValue(new double[] {0, 0.5});
        assertThat(r[0]).isEqualTo(0.0);
        assertThat(r[1]).isEqualTo(0.5);
        assertThat(r[2]).isCloseTo(0.5, within(0.02));
    }

    @Test
    void noDifferenceHasPValueOneAndTheSameRowsGiveTheSameFigures() {
        double[] seed = {0.3, 0.7, 0.5};
        assertThat(PairedComparison.compare(seed, seed.clone()).pValue()).isEqualTo(1.0);
        double[] best = {0.5, 0.6, 0.9};
        assertThat(PairedComparison.compare(seed, best)).isEqualTo(PairedComparison.compare(seed, best));
    }

    @Test
    void mismatchedOrEmptyInputIsRefused() {
        assertThatThrownBy(() -> PairedComparison.compare(new double[2], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("differ in length");
        assertThatThrownBy(() -> PairedComparison.compare(new double[0], new double[0]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no paired rows");
        assertThat(Arrays.stream(new double[] {PairedBootstrap.percentile(new double[] {1, 2, 3, 4}, 0.5)}).sum())
                .isEqualTo(2.0);
    }
}
