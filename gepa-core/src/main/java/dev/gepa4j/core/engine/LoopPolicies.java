package dev.gepa4j.core.engine;

import dev.gepa4j.core.strategy.AcceptanceRule;
import dev.gepa4j.core.strategy.ComponentSelector;
import dev.gepa4j.core.strategy.EpochShuffledSampler;
import dev.gepa4j.core.strategy.MergePairFinder;
import dev.gepa4j.core.strategy.MinibatchSampler;
import dev.gepa4j.core.strategy.ParentSelector;
import dev.gepa4j.core.strategy.ParetoWeightedSelector;
import dev.gepa4j.core.strategy.RoundRobinComponents;
import dev.gepa4j.core.strategy.StopCondition;
import dev.gepa4j.core.strategy.StrictImprovement;
import java.util.Objects;

/**
 * The loop's decisions, one policy each. The rollout budget stop is always added by the loop; {@code stop} holds
 * the extra conditions (wall time, score threshold, stop file...). Samplers and selectors may keep state, so give
 * every loop fresh policies ({@link #defaults()} makes new ones on each call).
 */
public record LoopPolicies(ParentSelector parentSelector, MinibatchSampler minibatchSampler,
                           ComponentSelector componentSelector, AcceptanceRule acceptanceRule, StopCondition stop,
                           MergePairFinder mergePairFinder) {
    public LoopPolicies {
        Objects.requireNonNull(parentSelector, "parentSelector");
        Objects.requireNonNull(minibatchSampler, "minibatchSampler");
        Objects.requireNonNull(componentSelector, "componentSelector");
        Objects.requireNonNull(acceptanceRule, "acceptanceRule");
        stop = stop == null ? StopCondition.NEVER : stop;
        mergePairFinder = mergePairFinder == null ? new MergePairFinder() : mergePairFinder;
    }

    /** Pareto-weighted parents, epoch-shuffled minibatches, round-robin fields, strict improvement, no extra stop. */
    public static LoopPolicies defaults() {
        return new LoopPolicies(new ParetoWeightedSelector(), new EpochShuffledSampler(), new RoundRobinComponents(),
                new StrictImprovement(), StopCondition.NEVER, new MergePairFinder());
    }

    public LoopPolicies withStop(StopCondition s) {
        return new LoopPolicies(parentSelector, minibatchSampler, componentSelector, acceptanceRule, s, mergePairFinder);
    }

    public LoopPolicies withParentSelector(ParentSelector p) {
        return new LoopPolicies(p, minibatchSampler, componentSelector, acceptanceRule, stop, mergePairFinder);
    }

    public LoopPolicies withComponentSelector(ComponentSelector c) {
        return new LoopPolicies(parentSelector, minibatchSampler, c, acceptanceRule, stop, mergePairFinder);
    }

    public LoopPolicies withAcceptanceRule(AcceptanceRule a) {
        return new LoopPolicies(parentSelector, minibatchSampler, componentSelector, a, stop, mergePairFinder);
    }
}
