package dev.gepa4j.cli;

import dev.gepa4j.cli.config.GepaConfig;
import dev.gepa4j.cli.config.LoopSection;
import dev.gepa4j.core.engine.LoopConfig;
import dev.gepa4j.core.engine.LoopDefaults;
import dev.gepa4j.core.engine.LoopPolicies;
import dev.gepa4j.core.engine.MergeSettings;
import dev.gepa4j.core.engine.Mode;
import dev.gepa4j.core.engine.Staleness;
import dev.gepa4j.core.strategy.AllComponents;
import dev.gepa4j.core.strategy.CurrentBestSelector;
import dev.gepa4j.core.strategy.EpsilonGreedySelector;
import dev.gepa4j.core.strategy.ImprovementOrEqual;
import dev.gepa4j.core.strategy.NoImprovement;
import dev.gepa4j.core.strategy.ParetoWeightedSelector;
import dev.gepa4j.core.strategy.ProposalLimit;
import dev.gepa4j.core.strategy.ProposerCostBudget;
import dev.gepa4j.core.strategy.ProposerTokenBudget;
import dev.gepa4j.core.strategy.RoundRobinComponents;
import dev.gepa4j.core.strategy.ScoreThreshold;
import dev.gepa4j.core.strategy.StopCondition;
import dev.gepa4j.core.strategy.StopFile;
import dev.gepa4j.core.strategy.StrictImprovement;
import dev.gepa4j.core.strategy.WallTimeLimit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Turns the {@code [gepa]} section into the loop's settings and policies; names unknown policy values. */
final class LoopSettings {
    private LoopSettings() {
    }

    static LoopConfig config(GepaConfig config) {
        LoopSection g = config.gepa();
        return LoopConfig.builder()
                .mode(Mode.parse(config.run().mode()))
                .minibatchSize(g.minibatchSize())
                .lanes(g.inFlightFor(config.proposer().kind()))
                .staleness(staleness(g.staleness(), "[gepa] staleness"))
                .merge(g.merge() ? MergeSettings.on(g.maxMergeAttempts()) : MergeSettings.off())
                .heldoutTopK(g.heldoutTopK())
                .heldoutBudget(g.heldoutRollouts() == null ? LoopDefaults.AUTOMATIC_HELDOUT_BUDGET
                        : g.heldoutRollouts())
                .seedCandidate(config.seedCandidate())
                .build();
    }

    static LoopPolicies policies(LoopSection g, Path workspaceDir) {
        LoopPolicies.Builder p = LoopPolicies.builder();
        p = switch (g.parentSelection()) {
            case "pareto_weighted" -> p.parentSelector(new ParetoWeightedSelector());
            case "current_best" -> p.parentSelector(new CurrentBestSelector());
            case "epsilon_greedy" -> p.parentSelector(new EpsilonGreedySelector(g.epsilon()));
            default -> throw new IllegalArgumentException("[gepa] parent_selection = \"" + g.parentSelection()
                    + "\": use pareto_weighted, current_best or epsilon_greedy");
        };
        p = switch (g.componentSelection()) {
            case "round_robin" -> p.componentSelector(new RoundRobinComponents());
            case "all" -> p.componentSelector(new AllComponents());
            default -> throw new IllegalArgumentException("[gepa] component_selection = \"" + g.componentSelection()
                    + "\": use round_robin or all");
        };
        p = switch (g.acceptance()) {
            case "strict_improvement" -> p.acceptanceRule(new StrictImprovement());
            case "improvement_or_equal" -> p.acceptanceRule(new ImprovementOrEqual());
            default -> throw new IllegalArgumentException("[gepa] acceptance = \"" + g.acceptance()
                    + "\": use strict_improvement or improvement_or_equal");
        };
        List<StopCondition> stops = new ArrayList<>();
        stops.add(new StopFile(workspaceDir.resolve(g.stopFile())));
        if (g.maxSeconds() != null) {
            stops.add(new WallTimeLimit(Duration.ofSeconds(g.maxSeconds())));
        }
        if (g.scoreThreshold() != null) {
            stops.add(new ScoreThreshold(g.scoreThreshold()));
        }
        if (g.noImprovementProposals() != null) {
            stops.add(new NoImprovement(g.noImprovementProposals()));
        }
        if (g.maxProposals() != null) {
            stops.add(new ProposalLimit(g.maxProposals()));
        }
        if (g.maxProposerTokens() != null) {
            stops.add(new ProposerTokenBudget(g.maxProposerTokens()));
        }
        if (g.maxProposerCostUsd() != null) {
            stops.add(new ProposerCostBudget(g.maxProposerCostUsd()));
        }
        return p.stop(StopCondition.anyOf(stops)).build();
    }

    /**
     * The staleness policy named {@code name} ({@link Staleness#named}); {@code where} names the setting in the
     * error for any other value.
     */
    static Staleness staleness(String name, String where) {
        try {
            return Staleness.named(name);
        } catch (IllegalArgumentException unknown) {
            throw new IllegalArgumentException(where + " = \"" + name + "\": use accept, recheck, drop or rebase");
        }
    }
}
