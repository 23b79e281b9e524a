/**
 * A bounded arithmetic calculator for tool-using policies: {@link dev.gepa4j.tasks.calculator.Calculator} parses and
 * evaluates an expression itself (no script engine, no eval), refuses anything that is not arithmetic with a
 * {@link dev.gepa4j.tasks.calculator.CalculationRefused} a model can read, and bounds its work by size and time.
 *
 * <p>May import: the JDK only.
 */
package dev.gepa4j.tasks.calculator;
