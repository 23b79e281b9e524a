package dev.gepa4j.core.strategy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import java.util.random.RandomGenerator;

/** Always the candidate with the highest train mean (ties: lower index). Draws nothing. */
public final class CurrentBestSelector implements ParentSelector {

    @Override
    public Candidate select(ParetoFrontier frontier, RandomGenerator random) {
        return frontier.bestByMean();
    }

    @Override
    public String name() {
        return "current_best";
    }
}
