package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.IterationOutcome.Accepted;
import dev.gepa4j.core.engine.IterationOutcome.Duplicate;
import dev.gepa4j.core.engine.IterationOutcome.ProposerFailed;
import dev.gepa4j.core.engine.IterationOutcome.Rejected;
import dev.gepa4j.core.engine.IterationOutcome.Skipped;
import dev.gepa4j.core.engine.RunEvent.*;
import dev.gepa4j.core.frontier.FrontierUpdate;
import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.CandidateIds;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.RolloutJob;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.AcceptanceRule;
import dev.gepa4j.core.strategy.ImprovementOrEqual;
import dev.gepa4j.core.strategy.LoopProgress;
import dev.gepa4j.core.strategy.MergeTriplet;
import dev.gepa4j.core.strategy.RolloutBudgetStop;
import dev.gepa4j.core.strategy.StopCondition;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.RunStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.*;

/**
 * The GEPA loop (DESIGN.md section 1). Read {@link #run()} top to bottom; each numbered step is a few lines.
 *
 * <p>Contract: one loop object runs once. Every random choice comes from {@link LoopParts#random()}, every rollout
 * from the runner (so from the run's journal when resuming), every proposal from the workspace when it is recorded
 * there; so in serial mode the same seed gives the same candidates, scores and decisions, and a resumed run replays
 * its recorded past and continues exactly where it stopped. Heldout results never reach a proposer.
 */
public final class GepaLoop {
    /** Stop reason once a candidate scores 1 on every train example: no child can beat it on a minibatch. */
    public static final String SOLVED = "train solved";
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state = new LoopState();
    private final EventLog events;
    private final ProposalSource proposals;
    private final Map<String, String> seedComponents;
    private final List<String> fields;
    private final long heldoutReserve;
    private final long iterationWorstCase;
    private final StopCondition stop;
    private Instant started;

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
        int train = parts.train().size();
        this.iterationWorstCase = Math.max(2L * Math.min(config.minibatchSize(), train),
                config.merge().enabled() ? config.merge().sampleSize() : 0) + train;
        long needed = train + heldoutReserve;
        if (parts.runner().budget().limit() < needed) {
            throw new IllegalArgumentException("rollout budget " + parts.runner().budget().limit() + " cannot cover the "
                    + "seed on train (" + train + ") plus the heldout reserve (" + heldoutReserve + "); raise it to at least "
                    + (needed + iterationWorstCase) + " for one proposal, or shrink the splits");
        }
        this.events = new EventLog(parts.recorder(), parts.listeners(), parts.clock());
        this.proposals = new ProposalSource(parts.recorder());
        this.stop = StopCondition.anyOf(parts.stopHandle(), new RolloutBudgetStop(), parts.policies().stop());
    }

    public LoopResult run() {
        started = parts.clock().instant();
        try {
            // 1. The seed candidate: the program's (or the config's) text, index 0.
            Candidate seed = Candidate.of(0, seedComponents, List.of(), "seed");
            events.emit(new RunStarted(parts.recorder().info().runId(), seed.id(), parts.train().size(),
                    parts.heldout().size(), parts.runner().budget().limit(), config.mode().label()));
            // 2. The seed on every train example; it founds the frontier.
            BatchResult seedRun = run(Stage.SEED_TRAIN, seed, parts.train(), new Attempt(), EarlyStop.NEVER);
            if (seedRun.results().stream().noneMatch(r -> r != null && r.measured())) {
                throw new LoopFailedException("the seed got no measured result on any of " + parts.train().size()
                        + " train examples (first: " + firstError(seedRun) + "); check the container and policy", null);
            }
            synchronized (state) {
                state.frontier = new ParetoFrontier(parts.train().stream().map(r -> r.ref().exampleId()).toList());
                register(0, seed, seedRun, null);
            }
            // 3. Propose, gate and register until a stop condition fires.
            String reason = config.mode() == Mode.SERIAL ? serialLoop()
                    : new OverlappedScheduler(config.lanes(), this::nextStop, this::iterate).run();
            // 4. Heldout pick (skipped on a requested stop: the run is paused, resume continues it).
            boolean paused = parts.stopHandle().requested();
            List<Candidate> picks = paused ? List.of() : HeldoutSelection.picks(state.frontier, seed,
                    config.heldoutTopK(), heldoutReserve, parts.heldout().size());
            Map<String, Double> heldout = evaluateHeldout(picks);
            Candidate best = HeldoutSelection.best(state.frontier, heldout);
            // 5. Finish the run with its stop reason.
            parts.recorder().finish(paused ? RunStatus.STOPPED : RunStatus.FINISHED, reason);
            events.emit(new RunStopped(reason, best.id(), state.frontier.trainMean(best.id()), heldout.get(best.id())));
            return new LoopResult(parts.recorder().info().runId(), seed.id(), best.id(),
                    state.frontier.trainMean(seed.id()), state.frontier.trainMean(best.id()), heldout.get(seed.id()),
                    heldout.get(best.id()), reason, paused ? RunStatus.STOPPED : RunStatus.FINISHED,
                    state.frontier.coverage(), state.frontier.candidates().stream().map(Candidate::id).toList(),
                    state.counts(), state.proposerUsage);
        } catch (LoopFailedException e) {
            parts.recorder().finish(RunStatus.FAILED, e.getMessage());
            throw e;
        }
    }

    private String serialLoop() {
        while (true) {
            Optional<String> reason = nextStop(0);
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
            IterationOutcome outcome = mergeDue() ? merge(at) : null;
            outcome = outcome != null ? outcome : reflect(at);
            synchronized (state) {
                state.count(outcome);
                state.idleIterations = at.fresh == 0 ? state.idleIterations + 1 : 0;
            }
            return outcome;
        } catch (LoopFailedException e) {
            throw e;
        } catch (RuntimeException e) {
            // Anti-spin: an iteration that fails without measuring anything new would fail the same way forever.
            boolean goOn = at.fresh > 0;
            synchronized (state) {
                state.count(new IterationOutcome.Failed(at.seq, e.toString()));
            }
            events.emit(new IterationFailed(at.seq, e.toString(), goOn));
            if (!goOn) {
                throw new LoopFailedException("proposal " + at.seq + " failed without measuring anything new: " + e, e);
            }
            return new IterationOutcome.Failed(at.seq, e.toString());
        }
    }

    private IterationOutcome reflect(Attempt at) {
        // 3a. Plan from the current frontier: parent, minibatch, fields to rewrite, the proposer's seed.
        Candidate parent;
        List<DatasetRow> minibatch;
        List<String> toUpdate;
        long proposerSeed;
        synchronized (state) {
            parent = parts.policies().parentSelector().select(state.frontier, parts.random());
            minibatch = parts.policies().minibatchSampler().next(parts.train(), config.minibatchSize(), parts.random());
            toUpdate = parts.policies().componentSelector().fieldsToUpdate(parent, fields);
            proposerSeed = parts.random().nextLong();
            at.version = state.frontier.version();
        }
        // 3b. The parent on the minibatch, with traces (journal hits: it already ran on all of train).
        BatchResult parentRun = run(Stage.PARENT_MINIBATCH, parent, minibatch, at, EarlyStop.NEVER);
        if (!parentRun.complete()) {
            return skip(parent, "the parent's minibatch results are incomplete (first: " + firstError(parentRun) + ")");
        }
        double parentSum = sum(parentRun.results());
        if (parentSum >= minibatch.size() - AcceptanceRule.TOLERANCE) {
            return skip(parent, "the parent already scores 1 on every minibatch example");
        }
        // 3c. Ask the proposer, or replay its recorded answer when resuming.
        synchronized (state) {
            at.seq = state.nextSeq();
        }
        events.emit(new MinibatchEvaluated(at.seq, parent.id(), "parent", ids(minibatch), parentSum, minibatch.size()));
        ProposalPacket packet = PacketBuilder.reflective(at.seq, parent, toUpdate, minibatch, parentRun.results(),
                proposerSeed, context(parent, state.rejectedAttemptsLocked(parent.id())));
        Optional<Candidate> child = propose(at, parts.proposer(), packet, List.of(parent.id()));
        if (child.isEmpty()) {
            return at.outcome;
        }
        // 3d. The gate: the child on the same minibatch, cut short once it cannot beat the parent.
        AcceptanceRule rule = parts.policies().acceptanceRule();
        BatchResult childRun = run(Stage.CHILD_MINIBATCH, child.get(), minibatch, at, gateStop(rule, parentSum));
        events.emit(new MinibatchEvaluated(at.seq, child.get().id(), "child", ids(minibatch), sum(childRun.results()),
                measured(childRun)));
        // 3e. Winners run on all of train and join the frontier.
        return judgeAndRegister(at, child.get(), parent, GateVerdict.judge(childRun, parentSum, rule), "minibatch");
    }

    private IterationOutcome merge(Attempt at) {
        // 3m. Merge two frontier candidates through their common ancestor, gated on examples both have scores on.
        MergeTriplet t;
        Candidate a, b, ancestor;
        List<DatasetRow> sample;
        long proposerSeed;
        synchronized (state) {
            Optional<MergeTriplet> found = parts.policies().mergePairFinder().find(state.frontier, state.triedMerges,
                    parts.random());
            if (found.isEmpty()) {
                return null;
            }
            t = found.get();
            state.triedMerges.add(t);
            state.mergeAttempts++;
            state.mergesDue--;
            a = state.frontier.candidate(t.parentA());
            b = state.frontier.candidate(t.parentB());
            ancestor = state.frontier.candidate(t.ancestor());
            sample = MergeSample.choose(state.frontier, a, b, parts.train(), config.merge().sampleSize(), parts.random());
            proposerSeed = parts.random().nextLong();
            at.version = state.frontier.version();
            at.seq = state.nextSeq();
        }
        events.emit(new MergeAttempted(at.seq, a.id(), b.id(), ancestor.id()));
        double meanA = state.frontier.trainMean(a.id());
        double meanB = state.frontier.trainMean(b.id());
        ProposalPacket packet = PacketBuilder.merge(at.seq, a, b, ancestor, meanA, meanB, proposerSeed, context(a, List.of()));
        Optional<Candidate> child = propose(at, parts.mergeProposer(), packet, List.of(a.id(), b.id()));
        if (child.isEmpty()) {
            return at.outcome;
        }
        Candidate better = meanA >= meanB ? a : b;
        double bar = Math.max(MergeSample.sum(state.frontier, a, sample), MergeSample.sum(state.frontier, b, sample));
        AcceptanceRule rule = new ImprovementOrEqual();
        BatchResult childRun = run(Stage.MERGE_SAMPLE, child.get(), sample, at, gateStop(rule, bar));
        events.emit(new MinibatchEvaluated(at.seq, child.get().id(), "merge_child", ids(sample), sum(childRun.results()),
                measured(childRun)));
        return judgeAndRegister(at, child.get(), better, GateVerdict.judge(childRun, bar, rule), "merge_sample");
    }

    /** Gets the proposal's first draft as a child; a duplicate or unusable answer ends the iteration in {@code at.outcome}. */
    private Optional<Candidate> propose(Attempt at, dev.gepa4j.core.propose.Proposer proposer, ProposalPacket packet,
                                        List<String> parentIds) {
        ProposalSource.Obtained got = proposals.obtain(at.seq, proposer, packet, parentIds);
        synchronized (state) {
            state.proposerUsage = state.proposerUsage.plus(got.outcome().usage());
        }
        events.emit(new ProposalRecorded(at.seq, got.proposerKind(), parentIds, got.outcome().drafts().size(),
                got.outcome().error()));
        events.emit(new UsageRecorded("proposer", "proposal:" + at.seq, got.outcome().usage()));
        String problem = got.outcome().drafts().isEmpty() ? Objects.requireNonNullElse(got.outcome().error(), "no draft")
                : DraftCheck.problem(got.outcome().drafts().get(0), fields);
        if (problem != null) {
            events.emit(new ProposalFailed(at.seq, problem));
            at.outcome = new ProposerFailed(at.seq, problem);
            return Optional.empty();
        }
        Map<String, String> draft = got.outcome().drafts().get(0);
        String id = CandidateIds.of(draft);
        synchronized (state) {
            if (state.frontier.contains(id)) {
                at.outcome = duplicate(at, id, parentIds.get(0));
                return Optional.empty();
            }
            String origin = parentIds.size() > 1 ? "merge" : "mutation:" + got.proposerKind();
            return Optional.of(Candidate.of(state.frontier.size(), draft, parentIds, origin));
        }
    }

    private IterationOutcome judgeAndRegister(Attempt at, Candidate child, Candidate parent, GateVerdict v, String stage) {
        decide(at.seq, child, parent, stage, v.passed(), v.reason(), v.parentSum(), v.childSum());
        if (!v.passed()) {
            return reject(at, child, parent, stage, v.reason(), v.parentSum(), v.childSum(), v.childMeasured(), v.size());
        }
        long lag = lag(at);
        if (config.staleness().policy() == Staleness.Policy.DROP_BEYOND && lag > config.staleness().maxLag()) {
            return reject(at, child, parent, "stale", "the frontier changed " + lag + " times since this proposal was "
                    + "planned (more than " + config.staleness().maxLag() + ")", null, null, 0, 0);
        }
        BatchResult full = run(Stage.FULL_TRAIN, child, parts.train(), at, EarlyStop.NEVER);
        if (!full.complete()) {
            return reject(at, child, parent, "full_train", measured(full) + " of " + parts.train().size()
                    + " train rollouts measured (" + (full.budgetExhausted() ? "rollout budget ran out" : "first error: "
                    + firstError(full)) + ")", null, null, measured(full), parts.train().size());
        }
        synchronized (state) {
            if (config.staleness().policy() == Staleness.Policy.RECHECK && lag(at) > 0 && !holdsAnyBest(full)) {
                return reject(at, child, parent, "stale", "planned at frontier v" + at.version + "; at v"
                        + state.frontier.version() + " it holds the best reward on no train example", null, null, 0, 0);
            }
            if (state.frontier.contains(child.id())) {
                return duplicate(at, child.id(), parent.id());
            }
            Candidate registered = new Candidate(child.id(), state.frontier.size(), child.components(),
                    child.parentIds(), child.origin());
            double mean = register(at.seq, registered, full, parent);
            if (!"merge".equals(registered.origin())) {
                state.mergesDue++;
            }
            events.emit(new CandidateAccepted(at.seq, registered.id(), registered.index(), parent.id(), mean, v.reason()));
            return new Accepted(at.seq, registered.id(), registered.index(), mean);
        }
    }

    /** Registers a fully evaluated candidate and adds it to the frontier; caller holds the state lock. */
    private double register(int seq, Candidate c, BatchResult trainRun, Candidate comparedWith) {
        parts.recorder().registerCandidate(c);
        parts.policies().componentSelector().inherit(c);
        Map<String, Double> rewards = new LinkedHashMap<>();
        trainRun.results().stream().filter(r -> r != null && r.measured())
                .forEach(r -> rewards.put(r.example().exampleId(), r.reward()));
        FrontierUpdate u = state.frontier.add(c, rewards);
        Double mean = state.frontier.trainMean(c.id());
        state.noteTrainMean(mean);
        events.emit(new CandidateRegistered(c, mean));
        events.emit(new FrontierUpdated(c.id(), u.version(), u.newSeeds().size(), u.coverage(), state.frontier.members().size()));
        if (comparedWith != null) {
            decide(seq, c, comparedWith, "full_train", true, "registered as #" + c.index() + " with train mean "
                    + String.format(Locale.ROOT, "%.4f", mean), state.frontier.trainMean(comparedWith.id()), mean);
        }
        return mean == null ? 0 : mean;
    }

    private Map<String, Double> evaluateHeldout(List<Candidate> picks) {
        List<RolloutJob> jobs = new ArrayList<>();
        picks.forEach(c -> parts.heldout().forEach(row -> jobs.add(new RolloutJob(c, row, state.frontier.version()))));
        BatchResult r = jobs.isEmpty() ? new BatchResult(List.of(), 0, 0, false) : runJobs(Stage.HELDOUT, jobs, new Attempt(), EarlyStop.NEVER);
        Map<String, Double> means = HeldoutSelection.means(picks, r.results(), parts.heldout().size());
        means.forEach((id, m) -> events.emit(new HeldoutEvaluated(id, m, measuredOf(r, picks, id), parts.heldout().size())));
        return means;
    }

    /** The stop reason before the next iteration, given how many iterations are still in flight. */
    private Optional<String> nextStop(int inFlight) {
        LoopProgress progress;
        synchronized (state) {
            if (state.budgetExhausted) {
                return Optional.of(RolloutBudgetStop.REASON);
            }
            if (state.bestTrainMean != null && state.bestTrainMean >= 1.0) {
                return Optional.of(SOLVED);
            }
            if (state.idleIterations >= config.maxIdleIterations()) {
                return Optional.of("stalled: " + state.idleIterations + " iterations in a row measured nothing new");
            }
            // A recorded next proposal means the original run passed this check here: replay it unchecked, since the
            // budget now also counts spending from later in the original run.
            if (!parts.stopHandle().requested() && proposals.recorded(state.proposals + 1)) {
                return Optional.empty();
            }
            progress = new LoopProgress(state.proposals, state.proposalsSinceImprovement, state.bestTrainMean,
                    parts.runner().budget().remaining(), heldoutReserve, iterationWorstCase * (inFlight + 1),
                    state.proposerUsage, Duration.between(started, parts.clock().instant()));
        }
        return stop.check(progress);
    }

    private boolean mergeDue() {
        synchronized (state) {
            return config.merge().enabled() && state.mergesDue > 0 && state.mergeAttempts < config.merge().maxAttempts();
        }
    }

    /**
     * Overlapped mode cuts a gate short once the child cannot pass; serial mode always runs the whole sample, because
     * which jobs an early stop skips depends on thread timing and serial runs must repeat exactly.
     */
    private EarlyStop gateStop(AcceptanceRule rule, double bar) {
        return config.mode() == Mode.SERIAL ? EarlyStop.NEVER : GateVerdict.earlyStop(rule, bar);
    }

    private BatchResult run(Stage stage, Candidate c, List<DatasetRow> rows, Attempt at, EarlyStop earlyStop) {
        long version = at.version;
        return runJobs(stage, rows.stream().map(row -> new RolloutJob(c, row, version)).toList(), at, earlyStop);
    }

    private BatchResult runJobs(Stage stage, List<RolloutJob> jobs, Attempt at, EarlyStop earlyStop) {
        BatchResult r = parts.runner().run(stage, jobs, earlyStop);
        synchronized (state) {
            state.executed += r.executed();
            state.cached += r.cached();
            state.budgetExhausted |= r.budgetExhausted();
            at.fresh += state.noteMeasured(r.results());
        }
        events.emit(new RolloutsFinished(stage, jobs.size(), r.executed(), r.cached(),
                parts.runner().budget().committed(), parts.runner().budget().limit()));
        return r;
    }

    private IterationOutcome reject(Attempt at, Candidate child, Candidate parent, String stage, String reason,
                                    Double parentScore, Double childScore, int childMeasured, int size) {
        if (!stage.equals("minibatch") && !stage.equals("merge_sample")) {
            decide(at.seq, child, parent, stage, false, reason, parentScore, childScore);
        }
        synchronized (state) {
            state.noteRejected(parent.id(), child.components(), reason, config.rejectedAttemptsShown());
        }
        events.emit(new CandidateRejected(at.seq, child.id(), parent.id(), stage, reason, parentScore, childScore,
                childMeasured, size));
        return new Rejected(at.seq, child.id(), stage, reason);
    }

    private void decide(int seq, Candidate child, Candidate parent, String stage, boolean ok, String reason,
                        Double parentScore, Double childScore) {
        parts.recorder().recordDecision(new DecisionRecord(seq, child.id(), parent.id(), stage, ok, reason, parentScore,
                childScore, parts.clock().instant()));
    }

    /** A draft equal to a registered candidate; caller holds the state lock. */
    private IterationOutcome duplicate(Attempt at, String id, String parentId) {
        int index = state.frontier.candidate(id).index();
        parts.recorder().recordDecision(new DecisionRecord(at.seq, id, parentId, "duplicate", false,
                "identical to candidate #" + index, null, null, parts.clock().instant()));
        events.emit(new DuplicateSkipped(at.seq, id, index));
        return new Duplicate(at.seq, id, index);
    }

    private IterationOutcome skip(Candidate parent, String reason) {
        events.emit(new IterationSkipped(parent.id(), reason));
        return new Skipped(0, reason);
    }

    private PacketBuilder.Context context(Candidate parent, List<dev.gepa4j.core.propose.RejectedAttempt> rejected) {
        synchronized (state) {
            return new PacketBuilder.Context(fields, parts.recorder().diffOf(parent.id()),
                    state.frontier.trainMean(parent.id()), state.frontier.summary(5), parts.taskInfo(), rejected,
                    config.successesShown());
        }
    }

    private long lag(Attempt at) {
        synchronized (state) {
            return state.frontier.version() - at.version;
        }
    }

    private boolean holdsAnyBest(BatchResult full) {
        return full.results().stream().anyMatch(r -> r.reward() > 0
                && r.reward() >= state.frontier.best(r.example().exampleId()).orElse(0));
    }

    private static double sum(List<RolloutResult> results) {
        return results.stream().filter(r -> r != null && r.measured()).mapToDouble(RolloutResult::reward).sum();
    }

    private static int measured(BatchResult r) {
        return (int) r.results().stream().filter(x -> x != null && x.measured()).count();
    }

    private int measuredOf(BatchResult r, List<Candidate> picks, String id) {
        return (int) r.results().stream().filter(x -> x != null && x.measured() && x.candidateId().equals(id)).count();
    }

    private static List<String> ids(List<DatasetRow> rows) {
        return rows.stream().map(r -> r.ref().exampleId()).toList();
    }

    private static String firstError(BatchResult r) {
        return r.results().stream().filter(x -> x != null && !x.measured()).map(RolloutResult::error).findFirst()
                .orElse(r.budgetExhausted() ? "rollout budget ran out" : "none");
    }

    /** Per-iteration bookkeeping: the proposal seq (0 until assigned), the frontier version planned from, progress. */
    private static final class Attempt {
        int seq;
        long version;
        int fresh;
        IterationOutcome outcome;
    }
}
