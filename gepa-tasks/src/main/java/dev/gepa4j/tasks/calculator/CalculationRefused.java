package dev.gepa4j.tasks.calculator;

/**
 * The calculator would not evaluate an expression. The message is written for the model that sent it: what was
 * wrong, where, and what the calculator accepts instead.
 */
public final class CalculationRefused extends Exception {
    public CalculationRefused(String message) {
        super(message, null, false, false);
    }
}
