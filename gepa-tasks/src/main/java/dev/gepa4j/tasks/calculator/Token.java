package dev.gepa4j.tasks.calculator;

import java.math.BigDecimal;

/**
 * One lexical token of an arithmetic expression.
 *
 * @param kind     what it is
 * @param number   the value of a {@link Kind#NUMBER}, else null
 * @param position 0-based character offset in the expression, for error messages
 */
record Token(Kind kind, BigDecimal number, int position) {
    enum Kind { NUMBER, PLUS, MINUS, TIMES, DIVIDE, POWER, PERCENT, OPEN, CLOSE, SQRT, END }
}
