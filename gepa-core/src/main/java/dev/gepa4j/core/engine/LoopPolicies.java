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
        return builder().build();
    }

    /** A builder that starts from fresh default policies (see {@link #defaults()}). */
    public static Builder builder() {
        return new Builder();
    }

    /** Named construction of {@link LoopPolicies}; each policy not set is a fresh default one. */
    public static final class Builder {
        private ParentSelector parentSelector = new ParetoWeightedSelector();
        private MinibatchSampler minibatchSampler = new EpochShuffledSampler();
        private ComponentSelector componentSelector = new RoundRobinComponents();
        private AcceptanceRule acceptanceRule = new StrictImprovement();
        private StopCondition stop = StopCondition.NEVER;
        private MergePairFinder mergePairFinder = new MergePairFinder();

        private Builder() {
        }

        public Builder parentSelector(ParentSelector p) {
            this.parentSelector = p;
            return this;
        }

        public Builder minibatchSampler(MinibatchSampler m) {
            this.minibatchSampler = m;
            return this;
        }

        public Builder componentSelector(ComponentSelector c) {
            this.componentSelector = c;
            return this;
        }

        public Builder acceptanceRule(AcceptanceRule a) {
            this.acceptanceRule = a;
            return this;
        }

        /** Extra stop conditions besides the rollout budget. */
        public Builder stop(StopCondition s) {
            this.stop = s;
            return this;
        }

        public Builder mergePairFinder(MergePairFinder f) {
            this.mergePairFinder = f;
            return this;
        }

        public LoopPolicies build() {
            return new LoopPolicies(parentSelector, minibatchSampler, componentSelector, acceptanceRule, stop,
                    mergePairFinder);
        }
    }
}
