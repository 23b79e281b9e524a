package dev.gepa4j.tasks.gsm8k.debate;

import dev.gepa4j.tasks.gsm8k.FinalAnswer;

/** One agent turn of a debate. */
public sealed interface DebateTurn {
    int round();

    String text();

    /** The solver's solution in a round, with the answer read from it. */
    record Solver(int round, String text, FinalAnswer answer) implements DebateTurn {
    }

    /** The critic's review of that round's solution. */
    record Critic(int round, String text, CriticVerdict verdict) implements DebateTurn {
    }
}
