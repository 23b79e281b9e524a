package dev.gepa4j.tasks.calculator;

import java.math.MathContext;

/** The bounds that keep every evaluation small: checked before the work they bound is done. */
final class Limits {
    /** Longest expression accepted, in characters. */
    static final int MAX_EXPRESSION_CHARS = 500;
    /** Most digits in one number literal. */
    static final int MAX_LITERAL_DIGITS = 40;
    /** Deepest nesting of parentheses, unary signs and powers. */
    static final int MAX_DEPTH = 40;
    /** Largest absolute value of an exponent (exponents must be whole numbers). */
    static final int MAX_EXPONENT = 999;
    /** Every intermediate result is rounded to this many significant digits (IEEE decimal128, 34 digits). */
    static final MathContext PRECISION = MathContext.DECIMAL128;
    /** Results of this many digits before the decimal point or more are refused (that is, |x| >= 10^100). */
    static final int MAX_INTEGER_DIGITS = 100;
    /** Results are shown with at most this many decimals. */
    static final int SHOWN_DECIMALS = 10;

    private Limits() {
    }
}
