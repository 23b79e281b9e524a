/**
 * The GEPA loop itself: {@link dev.gepa4j.core.engine.GepaLoop} (read it top to bottom: seed, seed on train,
 * propose-gate-register until a stop condition fires, heldout pick, finish), its inputs
 * ({@link dev.gepa4j.core.engine.LoopConfig}, {@link dev.gepa4j.core.engine.LoopParts}), its result, the sealed
 * {@link dev.gepa4j.core.engine.RunEvent}s it emits to the workspace and to
 * {@link dev.gepa4j.core.engine.RunListener}s, the {@link dev.gepa4j.core.engine.StopHandle} a SIGINT handler sets,
 * and the small helpers the loop delegates to (packet building, proposal replay, the overlapped lanes).
 *
 * <p>The only package that sees every other core package. May import: all of {@code dev.gepa4j.core}.
 */
package dev.gepa4j.core.engine;
