package dev.gepa4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void thePauseLiesBetweenHalfAndAllOfTheDoublingCeilingCappedAtMax() {
        var random = new SplittableRandom(1);
        for (int attempt = 1; attempt <= 40; attempt++) {
            long ceiling = Math.min(1000, 100L << Math.min(30, attempt - 1));
            for (int i = 0; i < 50; i++) {
                long ms = Backoff.equalJitter(Duration.ofMillis(100), Duration.ofMillis(1000), attempt, random)
                        .toMillis();
                assertThat(ms).as("attempt %d", attempt).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void theSameSeedGivesTheSamePauses() {
        var a = new SplittableRandom(42);
        var b = new SplittableRandom(42);
        for (int attempt = 1; attempt <= 10; attempt++) {
            assertThat(Backoff.equalJitter(Duration.ofMillis(200), Duration.ofSeconds(10), attempt, a))
                    .isEqualTo(Backoff.equalJitter(Duration.ofMillis(200), Duration.ofSeconds(10), attempt, b));
        }
    }

    @Test
    void aZeroBaseNeverWaits() {
        assertThat(Backoff.equalJitter(Duration.ZERO, Duration.ZERO, 3, new SplittableRandom(1))).isZero();
    }
}
