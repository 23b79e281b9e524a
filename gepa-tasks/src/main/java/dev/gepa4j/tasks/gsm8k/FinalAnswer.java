package dev.gepa4j.tasks.gsm8k;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The final answer a reply states, read the same way for every GSM8K task.
 *
 * <p>A reply states its answer with a marker, and the last marked number counts: {@code Answer: 18} (also
 * {@code Final answer: 18}, {@code The answer is 18}, {@code **Answer:** $1,234.50}), {@code #### 18} or
 * {@code \boxed{18}}. Dollar signs, thousands separators and a trailing full stop are ignored. A reply with numbers
 * but no marker has no final answer: {@link #lastNumber} then says which number it ended on, for feedback.
 *
 * @param value      the marked answer, or null when the reply marks none
 * @param lastNumber the last number anywhere in the reply, or null when it has none
 */
public record FinalAnswer(BigDecimal value, BigDecimal lastNumber) {
    private static final String NUMBER = "(-?\\d[\\d,]*(?:\\.\\d+)?|-?\\.\\d+)";
    private static final Pattern MARKED = Pattern.compile(
            "(?i)(?:\\banswer\\b\\s*(?:is\\b)?[\\s*:=$]*" + NUMBER + ")|(?:####\\s*\\$?\\s*" + NUMBER
                    + ")|(?:\\\\boxed\\{\\s*\\$?\\s*" + NUMBER + "\\s*})");
    private static final Pattern ANY_NUMBER = Pattern.compile(NUMBER);

    /** Reads a reply; null reads as an empty reply. */
    public static FinalAnswer read(String reply) {
        String text = reply == null ? "" : reply;
        BigDecimal marked = null;
        Matcher m = MARKED.matcher(text);
        while (m.find()) {
            String number = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            marked = parse(number).orElse(marked);
        }
        BigDecimal last = null;
        Matcher any = ANY_NUMBER.matcher(text);
        while (any.find()) {
            last = parse(any.group(1)).orElse(last);
        }
        return new FinalAnswer(marked, last);
    }

    /** Whether the reply marks an answer at all. */
    public boolean marked() {
        return value != null;
    }

    /** Whether the marked answer equals {@code gold} as a number (18 equals 18.00). */
    public boolean matches(BigDecimal gold) {
        return value != null && value.compareTo(gold) == 0;
    }

    /** A number as text without exponent or trailing zeros, e.g. {@code 1234.5}. */
    public static String format(BigDecimal number) {
        if (number.signum() == 0) {
            return "0";
        }
        return number.stripTrailingZeros().toPlainString();
    }

    private static Optional<BigDecimal> parse(String number) {
        try {
            return Optional.of(new BigDecimal(number.replace(",", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
