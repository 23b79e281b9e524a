package dev.gepa4j.tasks.calculator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;

/**
 * An arithmetic calculator for tool-using models: a recursive-descent parser over {@link BigDecimal}, with no script
 * engine and no reflection, so an expression can only ever be arithmetic.
 *
 * <p>Accepted: decimal numbers (thousands separators allowed: {@code 80,000}); {@code + - * /}; powers {@code ^} or
 * {@code **} (right-associative, whole-number exponents up to 999 in size, binding tighter than a leading minus, so
 * {@code -2^2} is -4); a postfix percent ({@code 15%} is 0.15); parentheses; {@code sqrt(x)}; unary plus and minus.
 * Anything else (names, quotes, {@code $}, {@code __import__}, {@code Runtime}) is refused with a
 * {@link CalculationRefused} whose message says what was wrong and what is accepted.
 *
 * <p>Work is bounded by size before it is done: at most 500 characters, 40 digits per number, 40 levels of
 * nesting, exponents up to 999, every intermediate rounded to 34 significant digits and refused at 10^100 or more.
 * So {@code 9**9**9}, a 10,000-digit literal and 10,000 nested parentheses are refused at once, without a
 * stack overflow. A wall-clock limit ({@link #DEFAULT_TIME_LIMIT}) is a backstop on top. Thread-safe (stateless).
 */
public final class Calculator {
    /** The backstop time limit of one evaluation. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(1);

    private final long timeLimitNanos;

    /** A calculator with the default time limit. */
    public Calculator() {
        this(DEFAULT_TIME_LIMIT);
    }

    /** A calculator whose evaluations are refused once they have run longer than {@code timeLimit}. */
    public Calculator(Duration timeLimit) {
        this.timeLimitNanos = timeLimit.toNanos();
    }

    /** Evaluates {@code expression}; the result is rounded to 34 significant digits. */
    public BigDecimal evaluate(String expression) throws CalculationRefused {
        if (expression == null || expression.isBlank()) {
            throw new CalculationRefused("the expression is empty: send one such as (16 - 3 - 4) * 2");
        }
        if (expression.length() > Limits.MAX_EXPRESSION_CHARS) {
            throw new CalculationRefused("the expression is " + expression.length() + " characters long; the "
                    + "calculator accepts at most " + Limits.MAX_EXPRESSION_CHARS + ": split the work into steps");
        }
        return new Evaluation(Lexer.tokens(expression), System.nanoTime() + timeLimitNanos).run();
    }

    /** The result as the tool shows it: plain digits, at most 10 decimals, no trailing zeros. */
    public static String show(BigDecimal value) {
        BigDecimal shown = value.scale() > Limits.SHOWN_DECIMALS
                ? value.setScale(Limits.SHOWN_DECIMALS, RoundingMode.HALF_EVEN) : value;
        return shown.signum() == 0 ? "0" : shown.stripTrailingZeros().toPlainString();
    }

    /** One parse-and-evaluate pass over a token list. */
    private final class Evaluation {
        private final List<Token> tokens;
        private final long deadline;
        private int next;
        private int depth;

        Evaluation(List<Token> tokens, long deadline) {
            this.tokens = tokens;
            this.deadline = deadline;
        }

        BigDecimal run() throws CalculationRefused {
            BigDecimal value = sum();
            Token rest = peek();
            if (rest.kind() != Token.Kind.END) {
                throw new CalculationRefused(rest.kind() == Token.Kind.CLOSE
                        ? "')' at position " + rest.position() + " closes a parenthesis that was never opened"
                        : "unexpected " + describe(rest) + " at position " + rest.position()
                                + ": an operator is missing before it");
            }
            return value;
        }

        private BigDecimal sum() throws CalculationRefused {
            BigDecimal value = product();
            while (peek().kind() == Token.Kind.PLUS || peek().kind() == Token.Kind.MINUS) {
                boolean plus = take().kind() == Token.Kind.PLUS;
                BigDecimal right = product();
                value = bounded(plus ? value.add(right, Limits.PRECISION) : value.subtract(right, Limits.PRECISION));
            }
            return value;
        }

        private BigDecimal product() throws CalculationRefused {
            BigDecimal value = signed();
            while (peek().kind() == Token.Kind.TIMES || peek().kind() == Token.Kind.DIVIDE) {
                Token op = take();
                BigDecimal right = signed();
                if (op.kind() == Token.Kind.TIMES) {
                    value = bounded(value.multiply(right, Limits.PRECISION));
                } else if (right.signum() == 0) {
                    throw new CalculationRefused("division by zero at position " + op.position());
                } else {
                    value = bounded(value.divide(right, Limits.PRECISION));
                }
            }
            return value;
        }

        private BigDecimal signed() throws CalculationRefused {
            Token t = peek();
            if (t.kind() == Token.Kind.MINUS || t.kind() == Token.Kind.PLUS) {
                take();
                enter(t);
                BigDecimal operand = signed();
                depth--;
                return t.kind() == Token.Kind.MINUS ? operand.negate() : operand;
            }
            return power();
        }

        private BigDecimal power() throws CalculationRefused {
            BigDecimal base = percent();
            if (peek().kind() != Token.Kind.POWER) {
                return base;
            }
            Token op = take();
            enter(op);
            BigDecimal exponent = signed();
            depth--;
            return raise(base, exponent, op.position());
        }

        private BigDecimal percent() throws CalculationRefused {
            BigDecimal value = primary();
            while (peek().kind() == Token.Kind.PERCENT) {
                take();
                value = value.divide(BigDecimal.valueOf(100), Limits.PRECISION);
            }
            return value;
        }

        private BigDecimal primary() throws CalculationRefused {
            Token t = take();
            switch (t.kind()) {
                case NUMBER -> {
                    return t.number();
                }
                case OPEN -> {
                    return parenthesised(t);
                }
                case SQRT -> {
                    Token open = take();
                    if (open.kind() != Token.Kind.OPEN) {
                        throw new CalculationRefused("sqrt at position " + t.position() + " needs parentheses: sqrt(2)");
                    }
                    BigDecimal x = parenthesised(open);
                    if (x.signum() < 0) {
                        throw new CalculationRefused("sqrt at position " + t.position()
                                + " of a negative number (" + show(x) + ")");
                    }
                    return x.sqrt(Limits.PRECISION);
                }
                case END -> throw new CalculationRefused("the expression ends where a number was expected");
                default -> throw new CalculationRefused("unexpected " + describe(t) + " at position " + t.position()
                        + ": a number or '(' was expected");
            }
        }

        private BigDecimal parenthesised(Token open) throws CalculationRefused {
            enter(open);
            BigDecimal inner = sum();
            Token close = take();
            if (close.kind() != Token.Kind.CLOSE) {
                throw new CalculationRefused("'(' at position " + open.position() + " is never closed");
            }
            depth--;
            return inner;
        }

        private BigDecimal raise(BigDecimal base, BigDecimal exponent, int position) throws CalculationRefused {
            BigDecimal whole = exponent.stripTrailingZeros();
            if (whole.scale() > 0) {
                throw new CalculationRefused("the exponent at position " + position + " is " + show(exponent)
                        + ": exponents must be whole numbers (use sqrt(x) for a square root)");
            }
            if (whole.abs().compareTo(BigDecimal.valueOf(Limits.MAX_EXPONENT)) > 0) {
                throw new CalculationRefused("the exponent at position " + position + " is " + shortText(whole)
                        + ": the calculator allows exponents from -" + Limits.MAX_EXPONENT + " to "
                        + Limits.MAX_EXPONENT);
            }
            int n = whole.intValueExact();
            if (base.signum() == 0 && n < 0) {
                throw new CalculationRefused("0 to a negative power at position " + position + " is a division by zero");
            }
            return bounded(base.pow(n, Limits.PRECISION));
        }

        /** Refuses a result of 10^100 or more in size, and any evaluation past the deadline. */
        private BigDecimal bounded(BigDecimal value) throws CalculationRefused {
            if (value.signum() != 0 && value.precision() - value.scale() > Limits.MAX_INTEGER_DIGITS) {
                throw new CalculationRefused("a result is too large (more than " + Limits.MAX_INTEGER_DIGITS
                        + " digits before the decimal point)");
            }
            checkTime();
            return value;
        }

        private void enter(Token t) throws CalculationRefused {
            depth++;
            if (depth > Limits.MAX_DEPTH) {
                throw new CalculationRefused("the expression nests more than " + Limits.MAX_DEPTH
                        + " levels deep (at position " + t.position() + "): split it into steps");
            }
            checkTime();
        }

        private void checkTime() throws CalculationRefused {
            if (System.nanoTime() - deadline > 0) {
                throw new CalculationRefused("the evaluation took longer than the calculator's time limit");
            }
        }

        private Token peek() {
            return tokens.get(next);
        }

        private Token take() {
            Token t = tokens.get(next);
            if (t.kind() != Token.Kind.END) {
                next++;
            }
            return t;
        }
    }

    private static String describe(Token t) {
        return switch (t.kind()) {
            case NUMBER -> "number " + show(t.number());
            case PLUS -> "'+'";
            case MINUS -> "'-'";
            case TIMES -> "'*'";
            case DIVIDE -> "'/'";
            case POWER -> "'^'";
            case PERCENT -> "'%'";
            case OPEN -> "'('";
            case CLOSE -> "')'";
            case SQRT -> "sqrt";
            case END -> "end of the expression";
        };
    }

    private static String shortText(BigDecimal n) {
        String text = n.toPlainString();
        return text.length() > 24 ? text.substring(0, 24) + "..." : text;
    }
}
