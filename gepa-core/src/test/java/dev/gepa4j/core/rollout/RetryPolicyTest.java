package dev.gepa4j.core.rollout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(100), Duration.ofMillis(1000),
            Duration.ofSeconds(10));

    @Test
    void backoffGrowsExponentiallyWithJitterWithinHalfAndFullOfTheCeiling() {
        SplittableRandom jitter = new SplittableRandom(3);
        for (int attempt = 1; attempt <= 6; attempt++) {
            long ceiling = Math.min(1000, 100L << (attempt - 1));
            for (int i = 0; i < 50; i++) {
                long d = policy.delayAfter(attempt, Optional.empty(), jitter).toMillis();
                assertThat(d).isBetween(ceiling / 2, ceiling);
            }
        }
    }

    @Test
    void retryAfterIsHonouredWhenLongerAndCappedByMaxRetryAfter() {
        SplittableRandom jitter = new SplittableRandom(3);
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofSeconds(2)), jitter)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.delayAfter(1, Optional.of(Duration.ofMinutes(5)), jitter)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void theSameSeedGivesTheSameDelays() {
        SplittableRandom a = new SplittableRandom(9);
        SplittableRandom b = new SplittableRandom(9);
        for (int i = 1; i < 5; i++) {
            assertThat(policy.delayAfter(i, Optional.empty(), a)).isEqualTo(policy.delayAfter(i, Optional.empty(), b));
        }
    }

    @Test
    void invalidSettingsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .hasMessageContaining("maxAttempts");
        assertThatThrownBy(() -> new RetryPolicy(3, Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ZERO))
                .hasMessageContaining("shorter than baseDelay");
    }
}
