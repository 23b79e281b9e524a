package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.RunEvent.IterationFailed;
import dev.gepa4j.core.engine.RunEvent.MergeAttempted;
import dev.gepa4j.core.engine.RunEvent.MinibatchEvaluated;
import dev.gepa4j.core.engine.RunEvent.RunStarted;
import dev.gepa4j.core.engine.RunEvent.RunStopped;
import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.AcceptanceRule;
import dev.gepa4j.core.strategy.ImprovementOrEqual;
import dev.gepa4j.core.workspace.RunStatus;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The GEPA loop (docs/architecture.md). Read {@link #run()} top to bottom, then {@link #reflect} and {@link #merge}:
 * each numbered step is a few lines, and the mechanics live in small collaborators beside this file
 * ({@link Rollouts}, {@link ReflectionPlanner}, {@link ProposalStep}, {@link Rebasing}, {@link Registration},
 * {@link MergePlanner}, {@link StopCheck}, {@link HeldoutEvaluation}, {@link Decisions}). Logging, progress and
 * evidence are {@link RunListener}s.
 *
 * <p>Contract: one loop object runs once. Every random choice comes from {@link LoopParts#random()}, every rollout
 * from the runner (so from the run's journal when resuming), every proposal from the workspace when it is recorded
 * there; so in serial mode the same seed gives the same candidates, scores and decisions, and a resumed run replays
 * its recorded past and continues exactly where it stopped. Heldout results never reach a proposer; test rows are
 * run only after the final pick (step 5), on a budget of their own, and nothing the loop decides reads them.
 */
public final class GepaLoop {
    /** Stop reason once a candidate scores 1 on every train example: no child can beat it on a minibatch. */
    public static final String SOLVED = "train solved";
    /**
     * Stop reason once a candidate scores 1 on every train example that could be measured while some could not (see
     * {@link MeasuredTrain}): never {@link #SOLVED}, since the unmeasured examples are not known to be solved.
     */
    public static final String MEASURED_SOLVED = "every measured train example solved";
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state = new LoopState();
    private final Map<String, String> seedComponents;
    private final List<String> fields;
    private final long heldoutReserve;
    private final EventLog events;
    private final Rollouts rollouts;
    private final Decisions decisions;
    private final ProposalStep proposing;
    private final Registration registration;
    private final ReflectionPlanner reflections;
    private final MergePlanner merges;
    private final Rebasing rebasing;
    private final StopCheck stopCheck;

    /** @throws IllegalArgumentException when the seed, the program's fields or the budget cannot make a run */
    public GepaLoop(LoopConfig config, LoopParts parts) {
        this.config = Objects.requireNonNull(config, "config");
        this.parts = Objects.requireNonNull(parts, "parts");
        this.seedComponents = config.seedCandidate().isEmpty() ? parts.program().seedCandidate() : config.seedCandidate();
        if (seedComponents.isEmpty()) {
            throw new IllegalArgumentException("the program declares no seed candidate; set [seed_candidate] in the config");
        }
        Set<String> mutable = parts.program().mutableFields();
        if (!mutable.containsAll(seedComponents.keySet())) {
            throw new IllegalArgumentException("seed candidate fields " + seedComponents.keySet()
                    + " include fields the program does not mark mutable (mutable: " + mutable + ")");
        }
        this.fields = List.copyOf(new TreeSet<>(seedComponents.keySet()));
        this.heldoutReserve = config.heldoutReserve(parts.heldout().size());
        int frontierRows = parts.frontierRows().size();
        BudgetFloor.require(parts.runner().budget().limit(), config, frontierRows, parts.heldout().size());
        long iterationWorstCase = BudgetFloor.iterationWorstCase(config, frontierRows);
        this.events = new EventLog(parts.recorder(), parts.listeners(), parts.clock());
        ProposalSource proposals = new ProposalSource(parts.recorder());
        this.rollouts = new Rollouts(parts.runner(), state, events);
        this.decisions = new Decisions(parts.recorder(), parts.clock(), state, events, config.rejectedAttemptsShown());
        this.proposing = new ProposalStep(config, parts, fields, state, events, proposals, decisions);
        this.registration = new Registration(config, parts, state, events, rollouts, decisions);
        this.reflections = new ReflectionPlanner(config, parts, state, fields);
        this.merges = new MergePlanner(config, parts, state);
        this.rebasing = new Rebasing(config, parts, state, events, rollouts, decisions, registration, fields);
        this.stopCheck = new StopCheck(config, parts, state, proposals, heldoutReserve, iterationWorstCase);
    }

    public LoopResult run() {
        stopCheck.start(parts.clock().instant());
        try {
            // 1. The seed candidate: the program's (or the config's) text, index 0.
            Candidate seed = Candidate.of(0, seedComponents, List.of(), "seed");
            events.emit(new RunStarted(parts.recorder().info().runId(), seed.id(), parts.train().size(),
                    parts.heldout().size(), parts.runner().budget().limit(), config.mode().label()));
            // 2. The seed on every frontier row (train, or the pareto split); it founds the frontier.
            BatchResult seedRun = rollouts.run(Stage.seedOn(parts.frontierSplit()), seed, parts.frontierRows(),
                    new Attempt(), EarlyStop.NEVER);
            Map<String, String> unmeasured = MeasuredTrain.unmeasured(parts.frontierRows(), seedRun,
                    MeasuredTrain.notRun(parts.runner().budget()));
            int trainSize = parts.frontierRows().size();
            String rowsName = parts.frontierSplit().label();
            if (!MeasuredTrain.enough(trainSize - unmeasured.size(), trainSize)) {
                throw new LoopFailedException("the seed was measured on " + (trainSize - unmeasured.size()) + " of "
                        + trainSize + " " + rowsName + " examples, fewer than half, so no score of this run would mean "
                        + "much: " + MeasuredTrain.describe(rowsName, unmeasured, trainSize) + ". Fix the container (or "
                        + "leave those rows out of [dataset]) and run again", null);
            }
            registration.registerSeed(seed, seedRun, MeasuredTrain.measuredIds(parts.frontierRows(), unmeasured));
            // 3. Propose, gate and register until a stop condition fires (one lane, or several overlapped).
            String reason = config.mode() == Mode.SERIAL ? serialLoop()
                    : new OverlappedScheduler(config.lanes(), stopCheck::next, this::iterate).run();
            // 4. Heldout pick (skipped on a requested stop: the run is paused, resume continues it).
            boolean paused = parts.stopHandle().requested();
            List<Candidate> picks = paused ? List.of() : state.readFrontier(f -> HeldoutSelection.picks(f, seed,
                    config.heldoutTopK(), heldoutReserve, parts.heldout().size()));
            HeldoutSelection.Outcome heldoutOutcome = new HeldoutEvaluation(parts, state, events, rollouts)
                    .evaluate(picks);
            if (!picks.isEmpty() && heldoutOutcome.means().values().stream().allMatch(java.util.Objects::isNull)) {
                throw new LoopFailedException("no heldout result for any of the " + picks.size() + " candidates "
                        + "picked, so no candidate can be chosen on heldout: " + MeasuredTrain.describe("heldout",
                        heldoutOutcome.unmeasured(), parts.heldout().size()) + (parts.runner().budget().callCapReached()
                        ? " (" + MeasuredTrain.notRun(parts.runner().budget()) + ")" : "")
                        + ". Fix the container and resume", null);
            }
            Map<String, Double> heldout = heldoutOutcome.means();
            Candidate best = state.readFrontier(f -> HeldoutSelection.best(f, heldout));
            // 5. The seed and the pick on the test split: reported only, on a budget of its own.
            TestResult test = paused ? null : TestEvaluation.evaluate(parts, events, seed, best).orElse(null);
            // 6. Finish the run with its stop reason.
            RunStatus status = paused ? RunStatus.STOPPED : RunStatus.FINISHED;
            parts.recorder().finish(status, reason);
            Double seedMean = state.readFrontier(f -> f.trainMean(seed.id()));
            Double bestMean = state.readFrontier(f -> f.trainMean(best.id()));
            events.emit(new RunStopped(reason, best.id(), bestMean, heldout.get(best.id())));
            return new LoopResult(parts.recorder().info().runId(), seed.id(), best.id(), seedMean, bestMean,
                    heldout.get(seed.id()), heldout.get(best.id()), reason, status,
                    state.readFrontier(ParetoFrontier::coverage),
                    state.readFrontier(f -> f.candidates().stream().map(Candidate::id).toList()), state.counts(),
                    state.proposerUsage(), test);
        } catch (RuntimeException e) {
            // whatever ended the run (a failed seed, an unavailable proposer, a workspace error, even one thrown
            // after the status was written): its stored status must say failed, never finished
            markFailed(e);
            throw e;
        }
    }

    private void markFailed(RuntimeException e) {
        try {
            parts.recorder().finish(RunStatus.FAILED, e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage());
        } catch (RuntimeException alsoFailed) {
            e.addSuppressed(alsoFailed); // the workspace itself is failing: the original error is the one to show
        }
    }

    private String serialLoop() {
        while (true) {
            Optional<String> reason = stopCheck.next(0);
            if (reason.isPresent()) {
                return reason.get();
            }
            iterate();
        }
    }

    /** One iteration: a merge when one is due and a pair is found, otherwise a reflective proposal. */
    private IterationOutcome iterate() {
        Attempt at = new Attempt();
        try {
            IterationOutcome outcome = merges.due() && merge(at) instanceof MergeTry.Ran ran ? ran.outcome()
                    : reflect(at);
            state.finishIteration(outcome, at.fresh);
            return outcome;
        } catch (LoopFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Anti-spin: an iteration that fails without measuring anything new would fail the same way forever.
            boolean goOn = at.fresh > 0;
            state.countFailed(new IterationOutcome.Failed(at.seq, e.toString()));
            events.emit(new IterationFailed(at.seq, e.toString(), goOn));
            if (!goOn) {
                throw new LoopFailedException("proposal " + at.seq + " failed without measuring anything new: " + e, e);
            }
            return new IterationOutcome.Failed(at.seq, e.toString());
        } finally {
            reflections.release(at);
            merges.release(at);
        }
    }

    private IterationOutcome reflect(Attempt at) {
        // 3a. Select a parent from the current frontier, a minibatch, the fields to rewrite, the proposer's seed.
        ReflectionPlanner.Plan plan = reflections.plan(at);
        Candidate parent = plan.parent();
        List<DatasetRow> minibatch = plan.minibatch();
        // 3b. The parent on the minibatch, with traces (journal hits: it already ran on all of train).
        BatchResult parentRun = rollouts.run(Stage.PARENT_MINIBATCH, parent, minibatch, at, EarlyStop.NEVER);
        if (!parentRun.complete()) {
            return decisions.skip(parent, "the parent's minibatch results are incomplete (first: "
                    + Rollouts.firstError(parentRun) + ")");
        }
        double parentSum = Rollouts.sum(parentRun.results());
        if (parentSum >= minibatch.size() - AcceptanceRule.TOLERANCE) {
            return decisions.skip(parent, "the parent already scores 1 on every minibatch example");
        }
        // 3c. Ask the proposer, or replay its recorded answer when resuming; a duplicate of a registered candidate ends here.
        at.seq = state.nextSeq();
        events.emit(new MinibatchEvaluated(at.seq, parent.id(), "parent", Rollouts.ids(minibatch), parentSum,
                minibatch.size()));
        ProposalPacket packet = PacketBuilder.reflective(at.seq, parent, plan.toUpdate(), minibatch,
                parentRun.results(), plan.proposerSeed(), proposing.context(parent, true));
        Candidate child;
        switch (proposing.child(at, parts.proposer(), packet, List.of(parent.id()))) {
            case Drafted.Ended ended -> {
                return ended.outcome();
            }
            case Drafted.Child c -> child = c.candidate();
        }
        // 3d. Staleness policy rebase: a child whose parent is not the best (now) moves onto the best and is gated there.
        Optional<IterationOutcome> rebased = rebasing.onto(at, child, parent, minibatch);
        if (rebased.isPresent()) {
            return rebased.get();
        }
        // 3e. The gate: the child on the same minibatch, cut short once it cannot beat the parent.
        AcceptanceRule rule = parts.policies().acceptanceRule();
        BatchResult childRun = rollouts.run(Stage.CHILD_MINIBATCH, child, minibatch, at, gateStop(rule, parentSum));
        events.emit(new MinibatchEvaluated(at.seq, child.id(), "child", Rollouts.ids(minibatch),
                Rollouts.sum(childRun.results()), Rollouts.measured(childRun)));
        // 3f. Winners run on all of train and join the frontier (in overlapped mode with the rebase policy, one at a
        // time: a child outpaced by the frontier meanwhile is moved onto the best first, see Registration).
        Candidate gated = child;
        return registration.admit(at, gated, parent, GateVerdict.judge(childRun, parentSum, rule), "minibatch",
                () -> rebasing.onto(at, gated, parent, minibatch));
    }

    private MergeTry merge(Attempt at) {
        // 3m. Merge two frontier candidates through their common ancestor (no pair found: reflect instead).
        Optional<MergePlanner.Plan> planned = merges.plan(at);
        if (planned.isEmpty()) {
            return new MergeTry.NoPair();
        }
        MergePlanner.Plan m = planned.get();
        events.emit(new MergeAttempted(at.seq, m.a().id(), m.b().id(), m.ancestor().id()));
        ProposalPacket packet = PacketBuilder.merge(at.seq, m.a(), m.b(), m.ancestor(), m.meanA(), m.meanB(),
                m.proposerSeed(), proposing.context(m.a(), false));
        Candidate child;
        switch (proposing.child(at, parts.mergeProposer(), packet, List.of(m.a().id(), m.b().id()))) {
            case Drafted.Ended ended -> {
                return new MergeTry.Ran(ended.outcome());
            }
            case Drafted.Child c -> child = c.candidate();
        }
        // The merge gate: the child on examples both parents have scores on, against the better parent's sum there.
        AcceptanceRule rule = new ImprovementOrEqual();
        BatchResult childRun = rollouts.run(Stage.MERGE_SAMPLE, child, m.sample(), at, gateStop(rule, m.bar()));
        events.emit(new MinibatchEvaluated(at.seq, child.id(), "merge_child", Rollouts.ids(m.sample()),
                Rollouts.sum(childRun.results()), Rollouts.measured(childRun)));
        return new MergeTry.Ran(registration.admit(at, child, m.better(), GateVerdict.judge(childRun, m.bar(), rule),
                "merge_sample"));
    }

    /**
     * Overlapped mode cuts a gate short once the child cannot pass; serial mode always runs the whole sample, because
     * which jobs an early stop skips depends on thread timing and serial runs must repeat exactly.
     */
    private EarlyStop gateStop(AcceptanceRule rule, double bar) {
        return config.mode() == Mode.SERIAL ? EarlyStop.NEVER : GateVerdict.earlyStop(rule, bar);
    }
}
