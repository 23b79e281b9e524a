package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.IterationOutcome.Accepted;
import dev.gepa4j.core.engine.RunEvent.CandidateAccepted;
import dev.gepa4j.core.engine.RunEvent.CandidateRegistered;
import dev.gepa4j.core.engine.RunEvent.FrontierUpdated;
import dev.gepa4j.core.frontier.FrontierUpdate;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.AcceptanceRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The full-train step and the frontier update: a child that passed its gate runs on every frontier row (all of train,
 * or the pareto split when the run gives the frontier its own rows) and, unless the
 * staleness policy or a concurrent twin stops it, is registered in the workspace and joins the frontier.
 *
 * <p>Ordering contract: a candidate is registered in the workspace before it joins the frontier, both under the
 * state's lock ({@link LoopState#admit}), so any lane that can pick it as a parent finds its diff and can register
 * children of it. Everything after that (events, the {@code full_train} decision) is written outside the lock, in
 * the order serial mode always had. In overlapped mode two lanes' {@code frontier.updated} events may therefore be
 * recorded in either order; each carries its frontier version.
 */
final class Registration {
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state;
    private final EventLog events;
    private final Rollouts rollouts;
    private final Decisions decisions;
    /** Held while one gated child is checked, run on the frontier rows and registered (see {@link #admitsInOrder}). */
    private final Object admission = new Object();

    Registration(LoopConfig config, LoopParts parts, LoopState state, EventLog events, Rollouts rollouts,
                 Decisions decisions) {
        this.config = config;
        this.parts = parts;
        this.state = state;
        this.events = events;
        this.rollouts = rollouts;
        this.decisions = decisions;
    }

    /** Founds the frontier on the frontier rows (train, or the pareto split) the seed was measured on ({@link MeasuredTrain}), with its run. */
    void registerSeed(Candidate seed, BatchResult seedRun, List<String> measuredIds) {
        LoopState.Joined joined = state.foundFrontier(measuredIds, seed, seedRun, this::register);
        announce(0, joined, null);
    }

    /**
     * Records the gate's verdict; a passing child then runs on all of train and is registered. Returns the
     * iteration's outcome: {@code Accepted}, {@code Rejected} (at the gate {@code stage}, {@code stale} or
     * {@code full_train}) or {@code Duplicate} when another lane registered the same text first.
     */
    IterationOutcome admit(Attempt at, Candidate child, Candidate parent, GateVerdict v, String stage) {
        return admit(at, child, parent, v, stage, Optional::empty);
    }

    /**
     * As {@link #admit(Attempt, Candidate, Candidate, GateVerdict, String)}; when children are admitted in order,
     * {@code moveOntoBest} runs first under the admission lock and, when it gives an outcome (the child's edit moved
     * onto the current best, gated and admitted there), that outcome is the iteration's.
     */
    IterationOutcome admit(Attempt at, Candidate child, Candidate parent, GateVerdict v, String stage,
                           Supplier<Optional<IterationOutcome>> moveOntoBest) {
        decisions.decide(at.seq, child, parent, stage, v.passed(), v.reason(), v.parentSum(), v.childSum());
        if (!v.passed()) {
            return decisions.reject(at.seq, child, parent, stage, v.reason(), v.parentSum(), v.childSum(),
                    v.childMeasured(), v.size());
        }
        if (!admitsInOrder(config)) {
            return fullTrainAndJoin(at, child, parent, v);
        }
        synchronized (admission) {
            Optional<IterationOutcome> moved = moveOntoBest.get();
            if (moved.isPresent()) {
                return moved.get();
            }
            Optional<IterationOutcome> outpaced = outpacedByBest(at, child, parent, v, stage);
            return outpaced.isPresent() ? outpaced.get() : fullTrainAndJoin(at, child, parent, v);
        }
    }

    /**
     * Overlapped mode under the rebase policy admits gated children one at a time, so each sees the frontier its
     * predecessors left: a child whose parent is not the best by then is moved onto the current best (its edit
     * applied there, gated against it) or, when that cannot be done, must beat the best on its minibatch. Without
     * this, lanes that planned from the same frontier all passed their gates against the same old parent at about
     * the same moment and all paid a full-train run: a bush of siblings instead of a chain. The lock is reentrant:
     * a moved child is admitted under it.
     */
    static boolean admitsInOrder(LoopConfig config) {
        return config.mode() == Mode.OVERLAPPED && config.staleness().policy() == Staleness.Policy.REBASE;
    }

    /**
     * A reflective child whose parent is not the frontier's best (the frontier moved on since its plan, or the parent
     * selector drew another parent) and whose edit could not be moved onto the best must also beat the best on its
     * own minibatch (the best's results there are journal hits: it ran on every frontier row) before it pays for a
     * full-train run; otherwise it is rejected at stage {@code stale}. A child the rebase step already moved onto a
     * best and gated against it is not checked again. Empty when the check does not apply or passes. Caller holds the
     * admission lock.
     */
    private Optional<IterationOutcome> outpacedByBest(Attempt at, Candidate child, Candidate parent, GateVerdict v,
                                                     String stage) {
        if (!"minibatch".equals(stage) || at.claim == null || !at.claim.parent().id().equals(parent.id())) {
            return Optional.empty();
        }
        Candidate best = state.best();
        if (best.id().equals(parent.id())) {
            return Optional.empty();
        }
        BatchResult bestRun = rollouts.run(Stage.PARENT_MINIBATCH, best, at.claim.minibatch(), at, EarlyStop.NEVER);
        if (!bestRun.complete()) {
            return Optional.empty();
        }
        double bestSum = Rollouts.sum(bestRun.results());
        AcceptanceRule rule = parts.policies().acceptanceRule();
        if (rule.accepts(bestSum, v.childSum())) {
            return Optional.empty();
        }
        return Optional.of(decisions.reject(at.seq, child, parent, "stale", String.format(Locale.ROOT,
                "its parent is not the frontier's best, and the best #%d scores %.4f on the child's minibatch, the "
                        + "child %.4f: does not meet %s", best.index(), bestSum, v.childSum(),
                rule.requirement()), bestSum, v.childSum(), v.childMeasured(), v.size()));
    }

    private IterationOutcome fullTrainAndJoin(Attempt at, Candidate child, Candidate parent, GateVerdict v) {
        long lag = state.version() - at.version;
        if (config.staleness().policy() == Staleness.Policy.DROP_BEYOND && lag > config.staleness().maxLag()) {
            return decisions.reject(at.seq, child, parent, "stale", "the frontier changed " + lag + " times since this "
                    + "proposal was planned (more than " + config.staleness().maxLag() + ")", null, null, 0, 0);
        }
        List<DatasetRow> scored = state.readFrontier(f -> MeasuredTrain.rows(parts.frontierRows(), f));
        BatchResult full = rollouts.run(Stage.fullOn(parts.frontierSplit()), child, scored, at, EarlyStop.NEVER);
        if (!full.complete()) {
            return decisions.reject(at.seq, child, parent, "full_train", Rollouts.measured(full) + " of "
                    + scored.size() + " " + parts.frontierSplit().label() + " rollouts measured ("
                    + (full.budgetExhausted() ? "rollout budget ran out" : "first error: " + Rollouts.firstError(full))
                    + ")", null, null, Rollouts.measured(full), scored.size());
        }
        boolean recheck = config.staleness().policy() == Staleness.Policy.RECHECK;
        return switch (state.admit(child, full, parent, at.version, recheck, this::register)) {
            case LoopState.Admission.Stale s -> decisions.reject(at.seq, child, parent, "stale", s.reason(), null, null,
                    0, 0);
            case LoopState.Admission.Twin t -> decisions.duplicate(at.seq, child.id(), t.index(), parent.id());
            case LoopState.Admission.Admitted a -> accepted(at.seq, a.joined(), parent, v);
        };
    }

    private IterationOutcome accepted(int seq, LoopState.Joined joined, Candidate parent, GateVerdict v) {
        double mean = announce(seq, joined, parent);
        Candidate c = joined.candidate();
        events.emit(new CandidateAccepted(seq, c.id(), c.index(), parent.id(), mean, v.reason()));
        return new Accepted(seq, c.id(), c.index(), mean);
    }

    /** Registers the candidate in the workspace before it joins the frontier; runs under the state's lock. */
    private void register(Candidate c) {
        parts.recorder().registerCandidate(c);
        parts.policies().componentSelector().inherit(c);
    }

    /** Events and the full-train decision for a joined candidate, outside the lock; returns its train mean (0 if none). */
    private double announce(int seq, LoopState.Joined j, Candidate comparedWith) {
        Candidate c = j.candidate();
        FrontierUpdate u = j.update();
        events.emit(new CandidateRegistered(c, j.mean()));
        events.emit(new FrontierUpdated(c.id(), u.version(), u.newSeeds().size(), u.coverage(), j.members()));
        if (comparedWith != null) {
            decisions.decide(seq, c, comparedWith, "full_train", true, "registered as #" + c.index()
                    + " with train mean " + String.format(Locale.ROOT, "%.4f", j.mean()), j.comparedMean(), j.mean());
        }
        return j.mean() == null ? 0 : j.mean();
    }
}
