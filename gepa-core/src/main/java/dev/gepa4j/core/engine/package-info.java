/**
 * The GEPA loop itself: {@link dev.gepa4j.core.engine.GepaLoop} (read it top to bottom: seed, seed on train,
 * propose-gate-register until a stop condition fires, heldout pick, finish), its inputs
 * ({@link dev.gepa4j.core.engine.LoopConfig}, built from the product defaults in
 * {@link dev.gepa4j.core.engine.LoopDefaults}, and {@link dev.gepa4j.core.engine.LoopParts}), the budget it needs to
 * start ({@link dev.gepa4j.core.engine.BudgetFloor}), its result, the sealed
 * {@link dev.gepa4j.core.engine.RunEvent}s it emits to the workspace and to
 * {@link dev.gepa4j.core.engine.RunListener}s, the {@link dev.gepa4j.core.engine.StopHandle} a SIGINT handler sets,
 * and the small package-private collaborators the loop delegates its mechanics to, one per step: rollouts and their
 * bookkeeping ({@code Rollouts}), the stop check ({@code StopCheck}), planning a reflective proposal and what is in
 * flight ({@code ReflectionPlanner}, {@code InFlight}), merge planning ({@code MergePlanner}, {@code MergeSample}),
 * the proposal with its packet context, replay and duplicate check ({@code ProposalStep},
 * {@code PacketBuilder}, {@code ProposalSource}, {@code DraftCheck}), moving a stale child onto the best under the
 * rebase staleness policy ({@code Rebasing}), the gate ({@code GateVerdict}), full train and
 * the frontier update ({@code Registration}), decisions and non-accepting outcomes ({@code Decisions}), the heldout
 * pick ({@code HeldoutEvaluation}, {@code HeldoutSelection}), the test split's report after it
 * ({@code TestEvaluation}, {@link dev.gepa4j.core.engine.TestResult}) and the overlapped lanes
 * ({@code OverlappedScheduler}). Under the rebase policy, overlapped mode admits gated children one at a time
 * ({@code Registration}'s admission lock, taken before the state's lock, never the other way round).
 * They share the loop's one {@code LoopState}, which owns its lock (each read-modify-write is one of its methods) and
 * never holds it across a rollout, a proposer call or a workspace write, except a candidate's registration, which
 * must precede its joining the frontier. Steps report how they ended as sealed results ({@code Drafted},
 * {@code MergeTry}, {@code IterationOutcome}).
 *
 * <p>The only package that sees every other core package. May import: all of {@code dev.gepa4j.core}.
 */
package dev.gepa4j.core.engine;
