/**
 * The root of every failure gepa4j expects and can explain: {@link dev.gepa4j.core.error.GepaException} carries the
 * process exit code a command ends with, so the CLI maps all of them to one line of output in one place. Anything
 * that is not a {@code GepaException} is, by this rule, a bug.
 *
 * <p>May import: the JDK only. Every other package may import this one.
 */
package dev.gepa4j.core.error;
