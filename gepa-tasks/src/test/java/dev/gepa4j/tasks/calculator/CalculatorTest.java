package dev.gepa4j.tasks.calculator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CalculatorTest {
    private final Calculator calculator = new Calculator();

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiter = '|', value = {
            "16 - 3 - 4 | 9",
            "(16 - 3 - 4) * 2 | 18",
            "2 + 3 * 4 | 14",
            "(2 + 3) * 4 | 20",
            "80,000 * 1.5 | 120000",
            "1,234,567 + 1 | 1234568",
            "10 / 4 | 2.5",
            "1 / 3 | 0.3333333333",
            "2 ^ 10 | 1024",
            "2 ** 10 | 1024",
            "2 ^ 3 ^ 2 | 512",
            "-2 ^ 2 | -4",
            "(-2) ^ 2 | 4",
            "2 ^ -2 | 0.25",
            "--5 | 5",
            "-(3 - 10) | 7",
            "+4 | 4",
            "15% | 0.15",
            "200 * 15% | 30",
            "sqrt(144) | 12",
            "sqrt(2) | 1.4142135624",
            ".5 + .25 | 0.75",
            "0.1 + 0.2 | 0.3",
            "3 - 3 | 0",
            "12 \u2212 5 | 7",
    })
    void evaluates_arithmetic(String expression, String expected) throws Exception {
        assertThat(Calculator.show(calculator.evaluate(expression))).isEqualTo(expected);
    }

    @Test
    void keeps_34_significant_digits_exactly_where_doubles_would_not() throws Exception {
        BigDecimal big = calculator.evaluate("123456789012345678 * 1000 + 1");
        assertThat(big).isEqualByComparingTo("123456789012345678001");
    }

    @ParameterizedTest(name = "refuses {0}")
    @ValueSource(strings = {
            "__import__('os').system('rm -rf /')",
            "Runtime.getRuntime().exec(\"id\")",
            "java.lang.System.exit(0)",
            "new java.io.File('/etc/passwd')",
            "eval('1+1')",
            "exec(\"print(1)\")",
            "os.environ",
            "1; DROP TABLE rollouts",
            "`id`",
            "${jndi:ldap://127.0.0.1/a}",
            "x + 1",
            "abc",
            "2 x 3",
            "1 + 1 == 2",
            "1 & 1",
            "'1' + '1'",
            "1e5",
            "sqrt 4",
            "max(1, 2)",
    })
    void refuses_anything_that_is_not_arithmetic(String expression) {
        // every refusal is a CalculationRefused that points at where the expression stopped being arithmetic
        assertThatThrownBy(() -> calculator.evaluate(expression))
                .isExactlyInstanceOf(CalculationRefused.class)
                .hasMessageMatching("(?s).*at position \\d+.*");
    }

    @Test
    void a_refused_name_is_named_with_what_is_accepted_instead() {
        assertThatThrownBy(() -> calculator.evaluate("__import__('os')"))
                .hasMessage("unknown name '__import__' at position 0: the only function is sqrt(...); write the "
                        + "numbers themselves, e.g. 12*4.5 or (3+4)^2");
        assertThatThrownBy(() -> calculator.evaluate("5 $"))
                .hasMessageContaining("'$' at position 2: leave out units and currency signs");
        assertThatThrownBy(() -> calculator.evaluate("3 \u00d7 4")).hasMessageContaining("write * for times");
        assertThatThrownBy(() -> calculator.evaluate("(1 + 2")).hasMessageContaining("is never closed");
        assertThatThrownBy(() -> calculator.evaluate("1 + 2)")).hasMessageContaining("never opened");
        assertThatThrownBy(() -> calculator.evaluate("")).hasMessageContaining("the expression is empty");
        assertThatThrownBy(() -> calculator.evaluate("1 +")).hasMessageContaining("ends where a number was expected");
    }

    @Test
    void refuses_arithmetic_it_cannot_do_with_the_reason() {
        assertThatThrownBy(() -> calculator.evaluate("1 / (3 - 3)")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> calculator.evaluate("0 ^ -1")).hasMessageContaining("division by zero");
        assertThatThrownBy(() -> calculator.evaluate("sqrt(-4)")).hasMessageContaining("negative number");
        assertThatThrownBy(() -> calculator.evaluate("2 ^ 0.5")).hasMessageContaining("exponents must be whole numbers");
    }

    @ParameterizedTest(name = "bounds {0}")
    @ValueSource(strings = {
            "9**9**9",
            "9^9^9^9",
            "10^1000",
            "2^999 * 2^999",
            "(10^99) * (10^99)",
            "99999999999999999999 ^ 999",
    })
    void refuses_runaway_powers_and_products_before_doing_the_work(String expression) {
        long started = System.nanoTime();
        assertThatThrownBy(() -> calculator.evaluate(expression))
                .isInstanceOf(CalculationRefused.class)
                .message().satisfiesAnyOf(
                        m -> assertThat(m).contains("the calculator allows exponents from -999 to 999"),
                        m -> assertThat(m).contains("too large"));
        System.out.printf("calculator refused %s in %.3f ms%n", expression, (System.nanoTime() - started) / 1e6);
    }

    @Test
    void refuses_a_ten_thousand_digit_literal_by_its_length() {
        String literal = "7".repeat(10_000);
        assertThatThrownBy(() -> calculator.evaluate(literal))
                .hasMessageContaining("is 10000 characters long; the calculator accepts at most 500");
        assertThatThrownBy(() -> calculator.evaluate("1" + "0".repeat(40) + " + 1"))
                .hasMessageContaining("has more than 40 digits");
        assertThatThrownBy(() -> calculator.evaluate("1,000" + ",000".repeat(20)))
                .hasMessageContaining("has more than 40 digits");
    }

    @Test
    void refuses_deep_nesting_without_overflowing_the_stack() {
        String deep = "(".repeat(10_000) + "1" + ")".repeat(10_000);
        assertThatThrownBy(() -> calculator.evaluate(deep)).hasMessageContaining("accepts at most 500");
        String fortyOne = "(".repeat(41) + "1" + ")".repeat(41);
        assertThatThrownBy(() -> calculator.evaluate(fortyOne))
                .hasMessageContaining("nests more than 40 levels deep");
        assertThatThrownBy(() -> calculator.evaluate("-".repeat(200) + "1"))
                .hasMessageContaining("nests more than 40 levels deep");
        assertThatThrownBy(() -> calculator.evaluate("2^".repeat(100) + "1"))
                .hasMessageContaining("nests more than 40 levels deep");
    }

    @Test
    void forty_levels_of_parentheses_are_still_fine() throws Exception {
        String forty = "(".repeat(40) + "6*7" + ")".repeat(40);
        assertThat(calculator.evaluate(forty)).isEqualByComparingTo("42");
    }

    @Test
    void the_time_limit_refuses_an_evaluation_that_runs_past_it() {
        Calculator noTime = new Calculator(Duration.ZERO);
        assertThatThrownBy(() -> noTime.evaluate("(1 + 1) * 2"))
                .hasMessageContaining("took longer than the calculator's time limit");
    }

    @Test
    void shows_results_without_exponents_or_trailing_zeros() {
        assertThat(Calculator.show(new BigDecimal("1.2000"))).isEqualTo("1.2");
        assertThat(Calculator.show(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(Calculator.show(new BigDecimal("-0.000"))).isEqualTo("0");
    }
}
