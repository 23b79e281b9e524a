package dev.gepa4j.core.retry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cases both former parsers (container and model client) handled, in one place. */
class RetryAfterHeaderTest {
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

    @Test
    void delaySeconds() {
        assertThat(RetryAfterHeader.parse("7", NOW)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfterHeader.parse(" 0 ", NOW)).contains(Duration.ZERO);
    }

    @Test
    void anHttpDateIsMeasuredFromNowAndAPastDateMeansNow() {
        assertThat(RetryAfterHeader.parse("Fri, 04 Dec 2026 12:00:30 GMT", NOW)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfterHeader.parse("Fri, 04 Dec 2026 11:00:00 GMT", NOW)).contains(Duration.ZERO);
    }

    @Test
    void absentNegativeOrUnreadableValuesGiveNothing() {
        assertThat(RetryAfterHeader.parse(null, NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("  ", NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("-5", NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("soon", NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("1.5", NOW)).isEmpty();
        assertThat(RetryAfterHeader.parse("99999999999999999999999", NOW)).isEmpty();
    }
}
