package dev.gepa4j.core.engine;

import dev.gepa4j.core.strategy.RolloutBudgetStop;
import dev.gepa4j.core.strategy.StopCondition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The stop reason before the next iteration, checked in this order: the budget ran out (the rollout budget, or the
 * cap on container calls: {@link #CALL_CAP}), a candidate solved train ({@link GepaLoop#SOLVED}; with some train
 * examples unmeasured, {@link GepaLoop#MEASURED_SOLVED} and how many were measured), too many idle iterations in a
 * row, then the stop handle, the budget forecast and the configured stop conditions. The forecast keeps the heldout
 * reserve plus one worst-case iteration per iteration in flight (and the one about to start) out of reach, counted in
 * rollouts or, when the optional cap on container calls leaves less, in calls (then the reason is {@link #CALL_CAP}).
 *
 * <p>A proposal recorded in the workspace means the original run passed this check there: it is replayed unchecked
 * (unless a stop was requested), since the budget now also counts spending from later in the original run.
 */
final class StopCheck {
    /** Stop reason once the optional cap on container calls is reached. */
    static final String CALL_CAP = "container call cap";
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state;
    private final ProposalSource proposals;
    private final long heldoutReserve;
    private final long iterationWorstCase;
    private final StopCondition stop;
    private Instant started;

    StopCheck(LoopConfig config, LoopParts parts, LoopState state, ProposalSource proposals, long heldoutReserve,
              long iterationWorstCase) {
        this.config = config;
        this.parts = parts;
        this.state = state;
        this.proposals = proposals;
        this.heldoutReserve = heldoutReserve;
        this.iterationWorstCase = iterationWorstCase;
        this.stop = StopCondition.anyOf(parts.stopHandle(), new RolloutBudgetStop(), parts.policies().stop());
    }

    /** Starts the wall clock the stop conditions see. */
    void start(Instant at) {
        this.started = at;
    }

    /** The stop reason given how many iterations are still in flight, or empty to go on. */
    Optional<String> next(int inFlight) {
        LoopState.StopView s = state.stopView();
        if (s.budgetExhausted()) {
            return Optional.of(parts.runner().budget().callCapReached() ? CALL_CAP : RolloutBudgetStop.REASON);
        }
        if (s.bestTrainMean() != null && s.bestTrainMean() >= 1.0) {
            return Optional.of(state.readFrontier(f -> MeasuredTrain.solvedReason(f, parts.frontierRows().size())));
        }
        if (s.idleIterations() >= config.maxIdleIterations()) {
            return Optional.of("stalled: " + s.idleIterations() + " iterations in a row measured nothing new");
        }
        if (!parts.stopHandle().requested() && proposals.recorded(s.proposals() + 1)) {
            return Optional.empty();
        }
        Optional<String> reason = stop.check(s.progress(remaining(), heldoutReserve,
                iterationWorstCase * (inFlight + 1), Duration.between(started, parts.clock().instant())));
        return reason.map(r -> r.equals(RolloutBudgetStop.REASON) && callsBind() ? CALL_CAP : r);
    }

    /**
     * What the budget forecast may spend: the rollouts left, or the container calls left under the optional cap when
     * fewer (counting one call per rollout, so retries can still meet the cap; then the batch stops there).
     */
    private long remaining() {
        return Math.min(parts.runner().budget().remaining(), callsLeft());
    }

    private long callsLeft() {
        var budget = parts.runner().budget();
        return Math.max(0, budget.callCap() - budget.calls());
    }

    private boolean callsBind() {
        return callsLeft() < parts.runner().budget().remaining();
    }
}
