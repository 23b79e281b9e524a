package dev.gepa4j.tasks.gsm8k.debate;

import java.util.List;

/**
 * The verifier's reading of one debate.
 *
 * @param correct     whether the solver's last answer equals the gold number
 * @param blamed      the fields whose agent went wrong ({@code solver_prompt}, {@code critic_prompt}); empty when
 *                    the answer is right
 * @param feedback    for the proposer: expected vs given, then each agent's part
 * @param solverNote  what the solver did, round by round
 * @param criticNote  what the critic did, round by round
 */
public record DebateVerdict(boolean correct, List<String> blamed, String feedback, String solverNote,
                            String criticNote) {
    public DebateVerdict {
        blamed = List.copyOf(blamed);
    }
}
