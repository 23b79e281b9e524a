package dev.gepa4j.core.engine;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import java.util.List;

/**
 * Plans a reflective proposal: its parent, minibatch, the fields to rewrite and the proposer's seed, drawn inside
 * {@link LoopState#claimReflection} (under the state's lock) from the run's generator in this order (so serial runs
 * repeat).
 *
 * <p>In-flight diversity (overlapped mode): the parent selector is asked again, up to {@link #PARENT_DRAWS} draws in
 * all, while the drawn parent has every field already being rewritten by proposals in flight; the component selector
 * is then told the parent's busy fields, so lanes that share a parent rewrite different fields. Two lanes rewriting
 * the same field of the same parent mostly race to the same child (or two children no merge can combine), while
 * lanes on different fields make complementary children the merge step can join. The plan is claimed in
 * {@link InFlight} until {@link #release}. With nothing in flight (always, in serial mode) this draws exactly what
 * a plain parent draw and field choice would. A program with one field is never redrawn: there is no other field to
 * rewrite, so a redraw would only move lanes off the parent the selector prefers onto weaker ones.
 */
final class ReflectionPlanner {
    /** Parent draws per plan, at most, while the drawn parent is saturated. */
    static final int PARENT_DRAWS = 3;
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state;
    private final List<String> fields;

    ReflectionPlanner(LoopConfig config, LoopParts parts, LoopState state, List<String> fields) {
        this.config = config;
        this.parts = parts;
        this.state = state;
        this.fields = fields;
    }

    /** A planned reflective proposal. */
    record Plan(Candidate parent, List<DatasetRow> minibatch, List<String> toUpdate, long proposerSeed) {
    }

    /** The next plan, with {@code at}'s version set and the plan claimed in flight under {@code at}. */
    Plan plan(Attempt at) {
        LoopState.ReflectionClaim claimed = state.claimReflection((frontier, inFlight) -> {
            Candidate parent = parts.policies().parentSelector().select(frontier, parts.random());
            int draws = fields.size() > 1 ? PARENT_DRAWS : 1;
            for (int draw = 1; draw < draws && inFlight.saturated(parent.id(), fields); draw++) {
                parent = parts.policies().parentSelector().select(frontier, parts.random());
            }
            List<DatasetRow> minibatch = parts.policies().minibatchSampler().next(
                    MeasuredTrain.rows(parts.train(), frontier), config.minibatchSize(), parts.random());
            List<String> toUpdate = parts.policies().componentSelector().fieldsToUpdate(parent, fields,
                    inFlight.busy(parent.id()));
            return new Plan(parent, minibatch, toUpdate, parts.random().nextLong());
        });
        at.version = claimed.version();
        at.claim = claimed.plan();
        return at.claim;
    }

    /** Ends {@code at}'s claim, if it made one; safe to call for any attempt. */
    void release(Attempt at) {
        if (at.claim != null) {
            state.releaseClaim(at.claim);
            at.claim = null;
        }
    }
}
