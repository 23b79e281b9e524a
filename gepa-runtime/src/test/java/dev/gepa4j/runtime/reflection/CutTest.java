package dev.gepa4j.runtime.reflection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CutTest {
    @Test
    void textWithinTheBoundIsUnchanged() {
        assertThat(Cut.middle("short", 40)).isEqualTo("short");
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 99, 100, 101, 1_000, 10_000, 123_456})
    void aCutNeverPassesItsBoundAndNamesExactlyHowManyCharsWereLeftOut(int length) {
        String text = "h" + "x".repeat(length - 2) + "t";
        for (int max : new int[] {40, 57, 100, 999}) {
            String cut = Cut.middle(text, max);
            if (length <= max) {
                assertThat(cut).isEqualTo(text);
                continue;
            }
            assertThat(cut.length()).isLessThanOrEqualTo(max);
            assertThat(cut).startsWith("h").endsWith("t");
            int named = Integer.parseInt(cut.replaceAll("(?s).*\\[\\.\\.\\. (\\d+) chars cut].*", "$1"));
            int kept = cut.length() - (" [... " + named + " chars cut] ").length();
            assertThat(named + kept).isEqualTo(length);
        }
    }

    @Test
    void aBoundTooSmallForTheMarkerIsRefused() {
        assertThatThrownBy(() -> Cut.middle("abc", 10)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 40");
    }
}
