package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.strategy.MergeTriplet;
import java.util.List;
import java.util.Optional;

/**
 * Whether a merge is due and, if so, which one: two frontier candidates, their common ancestor, the train examples
 * the child is judged on and the bar it must meet there.
 *
 * <p>A merge is due after each accepted non-merge child, while merges are enabled and attempts remain. Planning takes
 * the state lock once: it finds a triplet not tried before, counts the attempt, draws the sample and the proposer's
 * seed from the run's generator (in this order, so serial runs repeat) and assigns the proposal seq.
 */
final class MergePlanner {
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state;

    MergePlanner(LoopConfig config, LoopParts parts, LoopState state) {
        this.config = config;
        this.parts = parts;
        this.state = state;
    }

    /**
     * A planned merge.
     *
     * @param sample examples both parents have train scores on
     * @param bar    the better parent's reward sum on the sample (from stored train rewards, not re-run)
     */
    record Plan(Candidate a, Candidate b, Candidate ancestor, List<DatasetRow> sample, long proposerSeed, double meanA,
                double meanB, double bar) {
        /** The parent the child is compared with in decisions: the higher train mean, ties to {@code a}. */
        Candidate better() {
            return meanA >= meanB ? a : b;
        }
    }

    boolean due() {
        synchronized (state) {
            return config.merge().enabled() && state.mergesDue > 0 && state.mergeAttempts < config.merge().maxAttempts();
        }
    }

    /** Ends {@code at}'s merge in flight, if it planned one; safe to call for any attempt. */
    void release(Attempt at) {
        synchronized (state) {
            if (at.merging != null) {
                state.mergesInFlight.remove(at.merging);
                at.merging = null;
            }
        }
    }

    /**
     * The next merge, with {@code at}'s version and seq set and its pair marked in flight until {@link #release};
     * empty (nothing counted) when no pair is found. Pairs other lanes are merging now are not chosen.
     */
    Optional<Plan> plan(Attempt at) {
        synchronized (state) {
            Optional<MergeTriplet> found = parts.policies().mergePairFinder().find(state.frontier, state.triedMerges,
                    state.mergesInFlight);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            MergeTriplet t = found.get();
            state.triedMerges.add(t);
            state.mergesInFlight.add(t);
            at.merging = t;
            state.mergeAttempts++;
            state.mergesDue--;
            Candidate a = state.frontier.candidate(t.parentA());
            Candidate b = state.frontier.candidate(t.parentB());
            Candidate ancestor = state.frontier.candidate(t.ancestor());
            List<DatasetRow> sample = MergeSample.choose(state.frontier, a, b, parts.train(), config.merge().sampleSize(),
                    parts.random());
            long proposerSeed = parts.random().nextLong();
            at.version = state.frontier.version();
            at.seq = state.nextSeq();
            double bar = Math.max(MergeSample.sum(state.frontier, a, sample), MergeSample.sum(state.frontier, b, sample));
            return Optional.of(new Plan(a, b, ancestor, sample, proposerSeed, state.frontier.trainMean(a.id()),
                    state.frontier.trainMean(b.id()), bar));
        }
    }
}
