package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import java.util.List;
import java.util.Optional;

/**
 * Whether a merge is due and, if so, which one: two frontier candidates, their common ancestor, the train examples
 * the child is judged on and the bar it must meet there.
 *
 * <p>A merge is due after each accepted non-merge child, while merges are enabled and attempts remain. Planning takes
 * the state's lock once ({@link LoopState#claimMerge}): it finds a triplet not tried before, counts the attempt,
 * draws the sample and the proposer's seed from the run's generator (in this order, so serial runs repeat) and
 * assigns the proposal seq.
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
        return config.merge().enabled() && state.mergeDue(config.merge().maxAttempts());
    }

    /** Ends {@code at}'s merge in flight, if it planned one; safe to call for any attempt. */
    void release(Attempt at) {
        if (at.merging != null) {
            state.endMerge(at.merging);
            at.merging = null;
        }
    }

    /**
     * The next merge, with {@code at}'s version and seq set and its pair marked in flight until {@link #release};
     * empty (nothing counted) when no pair is found. Pairs other lanes are merging now are not chosen.
     */
    Optional<Plan> plan(Attempt at) {
        Optional<LoopState.MergeClaim> claimed = state.claimMerge(parts.policies().mergePairFinder(), (frontier, t) -> {
            Candidate a = frontier.candidate(t.parentA());
            Candidate b = frontier.candidate(t.parentB());
            Candidate ancestor = frontier.candidate(t.ancestor());
            List<DatasetRow> sample = MergeSample.choose(frontier, a, b, parts.frontierRows(),
                    config.merge().sampleSize(), parts.random());
            long proposerSeed = parts.random().nextLong();
            double bar = Math.max(MergeSample.sum(frontier, a, sample), MergeSample.sum(frontier, b, sample));
            return new Plan(a, b, ancestor, sample, proposerSeed, frontier.trainMean(a.id()),
                    frontier.trainMean(b.id()), bar);
        });
        claimed.ifPresent(c -> {
            at.merging = c.triplet();
            at.version = c.version();
            at.seq = c.seq();
        });
        return claimed.map(LoopState.MergeClaim::plan);
    }
}
