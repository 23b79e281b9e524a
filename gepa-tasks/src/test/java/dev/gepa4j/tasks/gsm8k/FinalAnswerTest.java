package dev.gepa4j.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinalAnswerTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Answer: 18 | 18",
            "answer: 18. | 18",
            "Final answer: $1,234.50 | 1234.50",
            "**Answer:** 70000 | 70000",
            "So the answer is 42 | 42",
            "The answer is -3. | -3",
            "#### 18 | 18",
            "\\boxed{125} | 125",
            "Answer: 5 ... wait, I redo it. Answer: 6 | 6",
            "Answer = 0.5 | 0.5",
    })
    void reads_the_last_marked_number(String reply, String expected) {
        FinalAnswer read = FinalAnswer.read(reply.replace("\\\\", "\\"));
        assertThat(read.marked()).isTrue();
        assertThat(read.value()).isEqualByComparingTo(expected);
    }

    @Test
    void a_reply_without_a_marker_has_no_answer_but_says_where_it_ended() {
        FinalAnswer read = FinalAnswer.read("She sells 9 eggs at $2, so she makes 18 dollars.");
        assertThat(read.marked()).isFalse();
        assertThat(read.matches(new BigDecimal("18"))).isFalse();
        assertThat(read.lastNumber()).isEqualByComparingTo("18");
        assertThat(FinalAnswer.read(null).lastNumber()).isNull();
        assertThat(FinalAnswer.read("no idea").marked()).isFalse();
    }

    @Test
    void matches_numerically_not_textually() {
        assertThat(FinalAnswer.read("Answer: 18.00").matches(new BigDecimal("18"))).isTrue();
        assertThat(FinalAnswer.read("Answer: 1,000").matches(new BigDecimal("1000"))).isTrue();
        assertThat(FinalAnswer.read("Answer: 18.5").matches(new BigDecimal("18"))).isFalse();
        assertThat(FinalAnswer.format(new BigDecimal("1.50"))).isEqualTo("1.5");
        assertThat(FinalAnswer.format(new BigDecimal("1E+2"))).isEqualTo("100");
    }
}
