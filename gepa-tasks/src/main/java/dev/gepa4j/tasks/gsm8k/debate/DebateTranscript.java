package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.core.model.Usage;
import java.util.List;

/**
 * What one debate did.
 *
 * @param turns     solver and critic turns, alternating, solver first
 * @param accepted  whether the loop ended on the critic's ACCEPT (otherwise the rounds ran out)
 * @param maxRounds the rounds the debate was allowed
 * @param usage     tokens over all calls
 */
public record DebateTranscript(List<DebateTurn> turns, boolean accepted, int maxRounds, Usage usage) {
    public DebateTranscript {
        turns = List.copyOf(turns);
    }

    public List<DebateTurn.Solver> solverTurns() {
        return turns.stream().filter(DebateTurn.Solver.class::isInstance).map(DebateTurn.Solver.class::cast).toList();
    }

    public List<DebateTurn.Critic> criticTurns() {
        return turns.stream().filter(DebateTurn.Critic.class::isInstance).map(DebateTurn.Critic.class::cast).toList();
    }

    /** The solver's last solution: the debate's answer. */
    public DebateTurn.Solver last() {
        return solverTurns().getLast();
    }
}
