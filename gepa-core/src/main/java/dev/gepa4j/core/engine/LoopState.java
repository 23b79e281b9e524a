package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.FrontierUpdate;
import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.propose.RejectedAttempt;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.strategy.LoopProgress;
import dev.gepa4j.core.strategy.MergePairFinder;
import dev.gepa4j.core.strategy.MergeTriplet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The loop's mutable state, shared by the lanes of overlapped mode. It owns its lock: every field is private and
 * every method runs under this object's monitor, so each read-modify-write below is atomic and no caller locks it.
 * The planning methods take the caller's drawing logic as a function and run it under the lock, so random draws
 * (the run's generator is not thread-safe) and the frontier they are drawn from stay consistent; those functions
 * must be quick and must not roll out, call a proposer or write to the workspace. The one workspace write made under
 * the lock is a candidate's registration, which must precede its joining the frontier (see {@link #admit}).
 * Everything here is rebuilt by replay on resume, so none of it is persisted.
 */
final class LoopState {
    private ParetoFrontier frontier;
    private int proposals;
    private int accepted;
    private int rejected;
    private int duplicates;
    private int proposerFailed;
    private int skipped;
    private int failed;
    private int mergeAttempts;
    private int mergesDue;
    private long executed;
    private long cached;
    private Usage proposerUsage = Usage.ZERO;
    private Double bestTrainMean;
    private int proposalsSinceImprovement;
    private int idleIterations;
    private boolean budgetExhausted;
    private final Set<MergeTriplet> triedMerges = new HashSet<>();
    private final InFlight inFlight = new InFlight();
    /** Merges being run by some lane now; their pairs are not merged again meanwhile. */
    private final Set<MergeTriplet> mergesInFlight = new HashSet<>();
    private final Map<String, Deque<RejectedAttempt>> rejectedByParent = new HashMap<>();
    private final Set<String> measured = new HashSet<>();

    /** A reflective plan claimed in flight, and the frontier version it was drawn from. */
    record ReflectionClaim(ReflectionPlanner.Plan plan, long version) {
    }

    /** A merge taken (counted, marked tried and in flight), the version it was planned from and its proposal seq. */
    record MergeClaim(MergePlanner.Plan plan, MergeTriplet triplet, long version, int seq) {
    }

    /** What a proposal about {@code parent} is shown of the state: its rejected children, train mean, the frontier. */
    record ParentContext(List<RejectedAttempt> rejected, Double parentMean, String frontierSummary) {
    }

    /** Where a draft would stand: already registered at {@code index}, or new, to take {@code index}. */
    record Slot(boolean registered, int index) {
    }

    /** What joining the frontier changed, captured under the lock for the writes after it. */
    record Joined(Candidate candidate, FrontierUpdate update, Double mean, Double comparedMean, int members) {
    }

    /** The result of offering a child that passed its gate and its full-train run to the frontier. */
    sealed interface Admission {
        /** The recheck staleness policy refused it. */
        record Stale(String reason) implements Admission {
        }

        /** Another lane registered the same text first, as candidate {@code index}. */
        record Twin(int index) implements Admission {
        }

        /** It joined the frontier. */
        record Admitted(Joined joined) implements Admission {
        }
    }

    /** The counters the stop check reads, taken together. */
    record StopView(boolean budgetExhausted, Double bestTrainMean, int idleIterations, int proposals,
                    int proposalsSinceImprovement, Usage proposerUsage) {
        LoopProgress progress(long remaining, long heldoutReserve, long iterationReserve, java.time.Duration elapsed) {
            return new LoopProgress(proposals, proposalsSinceImprovement, bestTrainMean, remaining, heldoutReserve,
                    iterationReserve, proposerUsage, elapsed);
        }
    }

    /**
     * Founds the frontier on {@code exampleIds} with the seed: {@code register} (the workspace registration) runs
     * first, then the seed joins with its train rewards.
     */
    synchronized Joined foundFrontier(List<String> exampleIds, Candidate seed, BatchResult trainRun,
                                      Consumer<Candidate> register) {
        frontier = new ParetoFrontier(exampleIds);
        return join(seed, trainRun, null, register);
    }

    /**
     * Offers {@code child} (passed its gate, complete full-train run) to the frontier. With {@code recheck}, a child
     * planned at an older version that holds the best reward on no train example is refused as stale; a child whose
     * text is registered already is a twin; otherwise {@code register} runs, it joins at the next index and, unless
     * it is a merge, a merge becomes due.
     */
    synchronized Admission admit(Candidate child, BatchResult full, Candidate comparedWith, long plannedVersion,
                                 boolean recheck, Consumer<Candidate> register) {
        if (recheck && frontier.version() - plannedVersion > 0 && !holdsAnyBest(full)) {
            return new Admission.Stale("planned at frontier v" + plannedVersion + "; at v" + frontier.version()
                    + " it holds the best reward on no train example");
        }
        if (frontier.contains(child.id())) {
            return new Admission.Twin(frontier.candidate(child.id()).index());
        }
        Joined joined = join(new Candidate(child.id(), frontier.size(), child.components(), child.parentIds(),
                child.origin()), full, comparedWith, register);
        if (!"merge".equals(child.origin())) {
            mergesDue++;
        }
        return new Admission.Admitted(joined);
    }

    private Joined join(Candidate c, BatchResult trainRun, Candidate comparedWith, Consumer<Candidate> register) {
        register.accept(c);
        Map<String, Double> rewards = new LinkedHashMap<>();
        trainRun.results().stream().filter(r -> r != null && r.measured())
                .forEach(r -> rewards.put(r.example().exampleId(), r.reward()));
        FrontierUpdate u = frontier.add(c, rewards);
        Double mean = frontier.trainMean(c.id());
        noteTrainMean(mean);
        return new Joined(c, u, mean, comparedWith == null ? null : frontier.trainMean(comparedWith.id()),
                frontier.members().size());
    }

    private boolean holdsAnyBest(BatchResult full) {
        return full.results().stream().anyMatch(r -> r.reward() > 0
                && r.reward() >= frontier.best(r.example().exampleId()).orElse(0));
    }

    /** Notes a registered candidate's train mean; a new best resets the proposals-since-improvement count. */
    private void noteTrainMean(Double mean) {
        if (mean != null && (bestTrainMean == null || mean > bestTrainMean)) {
            bestTrainMean = mean;
            proposalsSinceImprovement = 0;
        }
    }

    /**
     * Draws a reflective plan with {@code draw} (given the frontier and what is in flight, read only) and claims its
     * fields in flight until {@link #releaseClaim}.
     */
    synchronized ReflectionClaim claimReflection(BiFunction<ParetoFrontier, InFlight, ReflectionPlanner.Plan> draw) {
        ReflectionPlanner.Plan plan = draw.apply(frontier, inFlight);
        long version = frontier.version();
        inFlight.claim(plan.parent().id(), plan.toUpdate());
        return new ReflectionClaim(plan, version);
    }

    /** Ends one {@link #claimReflection} of this plan. */
    synchronized void releaseClaim(ReflectionPlanner.Plan plan) {
        inFlight.release(plan.parent().id(), plan.toUpdate());
    }

    /** Fields some proposal in flight is rewriting from this parent, sorted. */
    synchronized Set<String> busyFields(String parentId) {
        return inFlight.busy(parentId);
    }

    /** True when a merge is due (an accepted non-merge child since the last one) and fewer than {@code max} ran. */
    synchronized boolean mergeDue(int maxAttempts) {
        return mergesDue > 0 && mergeAttempts < maxAttempts;
    }

    /**
     * Finds a merge triplet not tried before and not in flight; when there is one, counts the attempt, marks it tried
     * and in flight (until {@link #endMerge}), draws the plan with {@code draw} and assigns the proposal seq. Empty,
     * with nothing counted, when no pair is found.
     */
    synchronized Optional<MergeClaim> claimMerge(MergePairFinder finder,
                                                 BiFunction<ParetoFrontier, MergeTriplet, MergePlanner.Plan> draw) {
        Optional<MergeTriplet> found = finder.find(frontier, triedMerges, mergesInFlight);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        MergeTriplet t = found.get();
        triedMerges.add(t);
        mergesInFlight.add(t);
        mergeAttempts++;
        mergesDue--;
        MergePlanner.Plan plan;
        try {
            plan = draw.apply(frontier, t);
        } catch (RuntimeException e) {
            mergesInFlight.remove(t);
            throw e;
        }
        long version = frontier.version();
        return Optional.of(new MergeClaim(plan, t, version, nextSeq()));
    }

    /** The merge of {@code t} is no longer in flight. */
    synchronized void endMerge(MergeTriplet t) {
        mergesInFlight.remove(t);
    }

    /** Assigns the next proposal seq (from 1). */
    synchronized int nextSeq() {
        proposalsSinceImprovement++;
        return ++proposals;
    }

    synchronized ParentContext parentContext(String parentId, boolean withRejected) {
        List<RejectedAttempt> r = withRejected
                ? new ArrayList<>(rejectedByParent.getOrDefault(parentId, new ArrayDeque<>())) : List.of();
        return new ParentContext(r, frontier.trainMean(parentId), frontier.summary(5));
    }

    synchronized void addProposerUsage(Usage usage) {
        proposerUsage = proposerUsage.plus(usage);
    }

    /** Where candidate {@code id} stands: its index when registered, else the index it would take now. */
    synchronized Slot slot(String id) {
        return frontier.contains(id) ? new Slot(true, frontier.candidate(id).index())
                : new Slot(false, frontier.size());
    }

    /** The frontier's best candidate by train mean now. */
    synchronized Candidate best() {
        return frontier.bestByMean();
    }

    synchronized long version() {
        return frontier.version();
    }

    /**
     * A consistent read of the frontier ({@code query} must not change it); for the heldout pick and the result,
     * after the lanes have stopped.
     */
    synchronized <T> T readFrontier(Function<ParetoFrontier, T> query) {
        return query.apply(frontier);
    }

    /** Books a batch of rollouts; returns the (candidate, example) measurements in it not seen before. */
    synchronized int book(BatchResult r) {
        executed += r.executed();
        cached += r.cached();
        budgetExhausted |= r.budgetExhausted();
        return noteMeasured(r.results());
    }

    private int noteMeasured(List<RolloutResult> results) {
        int fresh = 0;
        for (RolloutResult r : results) {
            if (r != null && r.measured() && measured.add(r.candidateId() + "\n" + r.example().exampleId())) {
                fresh++;
            }
        }
        return fresh;
    }

    /** Counts a finished iteration; one that measured nothing new extends the idle streak, others end it. */
    synchronized void finishIteration(IterationOutcome outcome, int fresh) {
        count(outcome);
        idleIterations = fresh == 0 ? idleIterations + 1 : 0;
    }

    /** Counts an iteration that failed by exception (the idle streak is left as it is). */
    synchronized void countFailed(IterationOutcome.Failed outcome) {
        count(outcome);
    }

    private void count(IterationOutcome outcome) {
        switch (outcome) {
            case IterationOutcome.Accepted a -> accepted++;
            case IterationOutcome.Rejected r -> rejected++;
            case IterationOutcome.Duplicate d -> duplicates++;
            case IterationOutcome.ProposerFailed p -> proposerFailed++;
            case IterationOutcome.Skipped s -> skipped++;
            case IterationOutcome.Failed f -> failed++;
        }
    }

    /** Remembers a rejected child of this parent, newest first, keeping the last {@code keep}. */
    synchronized void noteRejected(String parentId, Map<String, String> components, String reason, int keep) {
        Deque<RejectedAttempt> d = rejectedByParent.computeIfAbsent(parentId, k -> new ArrayDeque<>());
        d.addFirst(new RejectedAttempt(components, reason));
        while (d.size() > keep) {
            d.removeLast();
        }
    }

    synchronized StopView stopView() {
        return new StopView(budgetExhausted, bestTrainMean, idleIterations, proposals, proposalsSinceImprovement,
                proposerUsage);
    }

    synchronized Usage proposerUsage() {
        return proposerUsage;
    }

    synchronized LoopCounts counts() {
        return new LoopCounts(proposals, accepted, rejected, duplicates, proposerFailed, skipped, failed, mergeAttempts,
                executed, cached);
    }
}
