package dev.gepa4j.tasks.gsm8k.debate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Usage;
import dev.gepa4j.tasks.gsm8k.FinalAnswer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which agent the feedback blames, one case per way a debate goes wrong (and two where it goes right). */
class DebateJudgeTest {
    private static final BigDecimal GOLD = new BigDecimal("18");
    private static final String SOLVER = DebatePrompts.SOLVER_PROMPT;
    private static final String CRITIC = DebatePrompts.CRITIC_PROMPT;

    @Test
    void critic_accepted_a_wrong_answer() {
        DebateVerdict v = debate(true, "Answer: 28", "Looks fine. ACCEPT");
        assertThat(v.correct()).isFalse();
        assertThat(v.blamed()).containsExactly(SOLVER, CRITIC);
        assertThat(v.criticNote()).isEqualTo("round 1: accepted a wrong answer 28");
        assertThat(v.solverNote()).isEqualTo("round 1: answered 28, wrong");
        assertThat(v.feedback()).startsWith("Expected 18 but the debate ended on 28 (the critic accepted in round 1). "
                + "Went wrong: the solver (solver_prompt) and the critic (critic_prompt).");
    }

    @Test
    void critic_talked_the_solver_out_of_a_right_answer() {
        DebateVerdict v = debate(true, "Answer: 18", "REJECT: step 2 is wrong, it should be 20.", "Answer: 20",
                "ACCEPT");
        assertThat(v.correct()).isFalse();
        assertThat(v.blamed()).containsExactly(CRITIC);
        assertThat(v.criticNote()).contains("round 1: rejected the right answer 18 and talked the solver out of it "
                + "(round 2: 20)").contains("round 2: accepted a wrong answer 20");
    }

    @Test
    void solver_ignored_a_correct_critique() {
        DebateVerdict v = debate(false, "Answer: 28", "REJECT: 9*2 is 18, not 28.", "Answer: 28",
                "REJECT: still 28.", "Answer: 28", "REJECT: it should be 18.");
        assertThat(v.correct()).isFalse();
        assertThat(v.blamed()).containsExactly(SOLVER);
        assertThat(v.solverNote()).contains("round 2: ignored a correct critique and kept the wrong answer 28")
                .contains("round 3: ignored a correct critique and kept the wrong answer 28");
        assertThat(v.criticNote()).contains("round 1: rejected the wrong answer 28, rightly");
        assertThat(v.feedback()).contains("all 3 rounds ran without an ACCEPT").contains("Went wrong: the solver");
    }

    @Test
    void a_solver_that_revises_after_a_right_critique_ends_right_and_nobody_is_blamed() {
        DebateVerdict v = debate(true, "Answer: 28", "REJECT: 9*2 is 18.", "Answer: 18", "ACCEPT");
        assertThat(v.correct()).isTrue();
        assertThat(v.blamed()).isEmpty();
        assertThat(v.solverNote()).isEqualTo("round 1: answered 28, wrong; round 2: revised to the right answer 18 "
                + "after the critique");
        assertThat(v.feedback()).startsWith("Correct: 18 (the critic accepted in round 2).");
    }

    @Test
    void a_critic_without_a_verdict_is_blamed_even_when_it_keeps_the_debate_going() {
        DebateVerdict v = debate(false, "Answer: 18", "Hmm, maybe.", "Answer: 18", "I am not sure.", "Answer: 18",
                "Could be.");
        assertThat(v.correct()).isTrue();
        assertThat(CriticVerdict.read("Could be.")).isEqualTo(CriticVerdict.UNCLEAR);
        DebateVerdict wrong = debate(false, "Answer: 28", "Hmm.", "Answer: 28", "Hmm.", "Answer: 28", "Hmm.");
        assertThat(wrong.blamed()).contains(CRITIC);
        assertThat(wrong.criticNote()).contains("round 1: gave no ACCEPT or REJECT on the wrong answer 28");
    }

    @Test
    void a_solution_without_an_answer_line_is_the_solvers_fault() {
        DebateVerdict v = debate(true, "It is 18 I think", "ACCEPT");
        assertThat(v.correct()).isFalse();
        assertThat(v.blamed()).contains(SOLVER);
        assertThat(v.solverNote()).isEqualTo("round 1: no 'Answer: <number>' line (ended on 18)");
    }

    @Test
    void the_critics_verdict_is_its_last_upper_case_word() {
        assertThat(CriticVerdict.read("I would not accept this. REJECT")).isEqualTo(CriticVerdict.REJECT);
        assertThat(CriticVerdict.read("REJECT at first, but on reflection: ACCEPT")).isEqualTo(CriticVerdict.ACCEPT);
        assertThat(CriticVerdict.read("accept")).isEqualTo(CriticVerdict.UNCLEAR);
        assertThat(CriticVerdict.read(null)).isEqualTo(CriticVerdict.UNCLEAR);
    }

    /** Alternating solver and critic texts, solver first; {@code accepted} says how the loop ended. */
    private static DebateVerdict debate(boolean accepted, String... texts) {
        List<DebateTurn> turns = new ArrayList<>();
        for (int i = 0; i < texts.length; i++) {
            int round = i / 2 + 1;
            turns.add(i % 2 == 0 ? new DebateTurn.Solver(round, texts[i], FinalAnswer.read(texts[i]))
                    : new DebateTurn.Critic(round, texts[i], CriticVerdict.read(texts[i])));
        }
        return DebateJudge.judge(new DebateTranscript(turns, accepted, 3, Usage.ZERO), GOLD);
    }
}
