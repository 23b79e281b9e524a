package dev.gepa4j.core.engine;

import dev.gepa4j.core.engine.RunEvent.MinibatchEvaluated;
import dev.gepa4j.core.merge.ComponentMerge;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.rollout.BatchResult;
import dev.gepa4j.core.rollout.EarlyStop;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.strategy.AcceptanceRule;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@link Staleness.Policy#REBASE rebase} staleness policy of overlapped mode: every reflective edit joins the
 * frontier on its current best. A child whose parent is not the best when its proposal comes back (the frontier moved
 * on while the proposal was being written, or the parent selector drew a parent off the best) is moved onto the best
 * before its gate; a child whose best changed after its gate (lanes that planned together finish together) is moved
 * the same way when its turn to be admitted comes ({@link Registration#admitsInOrder}), and so is a moved child whose
 * best changed again while it was gated. Lanes then add their edits to one line of progress, one after another, as
 * serial mode's chain does, instead of paying a run on every train row for side branches that only a merge can join.
 *
 * <p>Moving is the merge step's per-field three-way merge ({@link ComponentMerge}) with the child's parent as the
 * ancestor and the best as the better side: the result is the best with the child's edit applied. The moved child
 * has two parents, the best first and then the parent the proposer reflected on, and it must beat the best on the
 * child's own minibatch, where the best's scores come from its journaled train run. Outcomes:
 * <ul>
 *   <li>empty, the child takes its usual gate against its parent: the policy is off, the mode is serial, the parent
 *       is the best, an edit conflicts with the best's text of the field (then the child must also beat the best
 *       before its full-train run, see {@link Registration}), or the best's minibatch results are incomplete;</li>
 *   <li>a duplicate, at no rollout cost: the moved text equals the best (the edit is in it already) or another
 *       registered candidate;</li>
 *   <li>rejected as {@code stale}, at no rollout cost: the best scores so well on the minibatch that no child can
 *       meet the acceptance rule against it there (with {@code child > parent}: the best scores 1 on every
 *       example), as a proposal planned on the best would have been skipped;</li>
 *   <li>otherwise the moved child's gate against the best, then registration as for any child.</li>
 * </ul>
 * A child moved this way counts as a mutation, not a merge, so a merge becomes due when it registers. The policy
 * trades some of the frontier's diversity for speed: the parent selector still decides which failures the proposer
 * reflects on, but the edit lands on the best.
 */
final class Rebasing {
    private final LoopConfig config;
    private final LoopParts parts;
    private final LoopState state;
    private final EventLog events;
    private final Rollouts rollouts;
    private final Decisions decisions;
    private final Registration registration;
    private final List<String> fields;

    Rebasing(LoopConfig config, LoopParts parts, LoopState state, EventLog events, Rollouts rollouts,
             Decisions decisions, Registration registration, List<String> fields) {
        this.config = config;
        this.parts = parts;
        this.state = state;
        this.events = events;
        this.rollouts = rollouts;
        this.decisions = decisions;
        this.registration = registration;
        this.fields = fields;
    }

    /** True when the policy can add a gate on the best's minibatch to an iteration (for the budget's worst case). */
    static boolean enabled(LoopConfig config) {
        return config.mode() == Mode.OVERLAPPED && config.staleness().policy() == Staleness.Policy.REBASE;
    }

    /** The outcome of moving {@code child} onto the best, or empty when it keeps its own gate (see the class doc). */
    Optional<IterationOutcome> onto(Attempt at, Candidate child, Candidate parent, List<DatasetRow> minibatch) {
        if (!enabled(config)) {
            return Optional.empty();
        }
        Candidate best = state.best();
        if (best.id().equals(parent.id())) {
            return Optional.empty();
        }
        ComponentMerge moved = ComponentMerge.of(parent, child, best, false, fields);
        if (moved.conflicts() > 0) {
            return Optional.empty();
        }
        if (moved.components().equals(best.components())) {
            return Optional.of(decisions.duplicate(at.seq, best.id(), best.index(), parent.id(),
                    "its edit is already in the best candidate #" + best.index() + " (rebase)"));
        }
        Candidate rebased = Candidate.of(child.index(), moved.components(), List.of(best.id(), parent.id()),
                child.origin());
        LoopState.Slot slot = state.slot(rebased.id());
        if (slot.registered()) {
            return Optional.of(decisions.duplicate(at.seq, rebased.id(), slot.index(), parent.id(),
                    "moved onto the best candidate #" + best.index() + " it equals candidate #" + slot.index()
                            + " (rebase)"));
        }
        BatchResult bestRun = rollouts.run(Stage.PARENT_MINIBATCH, best, minibatch, at, EarlyStop.NEVER);
        if (!bestRun.complete()) {
            return Optional.empty();
        }
        double bestSum = Rollouts.sum(bestRun.results());
        AcceptanceRule rule = parts.policies().acceptanceRule();
        if (!rule.accepts(bestSum, minibatch.size())) {
            return Optional.of(decisions.reject(at.seq, rebased, best, "stale", String.format(Locale.ROOT,
                    "moved onto the best candidate #%d, which scores %.4f on its minibatch of %d: no child can meet "
                            + "%s there (rebase)", best.index(), bestSum, minibatch.size(), rule.requirement()),
                    bestSum, null, 0, minibatch.size()));
        }
        BatchResult run = rollouts.run(Stage.CHILD_MINIBATCH, rebased, minibatch, at, GateVerdict.earlyStop(rule,
                bestSum));
        events.emit(new MinibatchEvaluated(at.seq, rebased.id(), "rebased_child", Rollouts.ids(minibatch),
                Rollouts.sum(run.results()), Rollouts.measured(run)));
        // Admitted one at a time: if the best changed again while this child was gated, it moves once more.
        return Optional.of(registration.admit(at, rebased, best, GateVerdict.judge(run, bestSum, rule), "minibatch",
                () -> onto(at, rebased, best, minibatch)));
    }
}
