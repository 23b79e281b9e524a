/**
 * The per-example Pareto frontier over the train split: for every train example the best reward any registered
 * candidate reached and the candidates holding it, coverage, wins and new seeds per candidate, and the
 * selection weights parent sampling draws from (dominated candidates pruned, the best-mean candidate never
 * starved).
 *
 * <p>Pure and deterministic: no clocks, no randomness, iteration orders fixed by registration index.
 * May import: {@code model}.
 */
package dev.gepa4j.core.frontier;
