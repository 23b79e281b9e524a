package dev.gepa4j.tasks.banking77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Policy, verifier and editor against the real embedding model (loads once, about a second). */
class EmbeddedIntentPolicyTest {
    private static final String SEED = Banking77Prompts.SEED_PROMPT;
    private static EmbeddedIntentPolicy policy;

    @BeforeAll
    static void loadModel() {
        policy = new EmbeddedIntentPolicy(SentenceEmbedder.offline(), Banking77Prompts.labels());
    }

    @Test
    void the_same_prompt_and_message_always_give_the_same_prediction() {
        String message = "I am still waiting on my card?";
        assertThat(policy.classify(SEED, message)).isEqualTo(policy.classify(SEED, message));
        assertThat(policy.classify(SEED, message).completionTokens()).isEqualTo(1);
        assertThat(policy.classify(SEED, message).promptTokens()).isEqualTo(10 + 7);
    }

    @Test
    void adding_a_description_changes_the_answer() {
        String message = "My card never showed up in the post";
        String before = policy.classify(SEED, message).label();
        String described = SEED + "\n- card_arrival: a card sent by post that has not arrived, e.g. \"" + message + "\"";
        assertThat(before).isNotEqualTo("card_arrival");
        assertThat(policy.classify(described, message).label()).isEqualTo("card_arrival");
    }

    @Test
    void a_misleading_description_breaks_a_correct_answer() {
        String message = "What is the exchange rate for euros?";
        assertThat(policy.classify(SEED, message).label()).isEqualTo("exchange_rate");
        String wrong = SEED + "\n- age_limit: e.g. \"what is the exchange rate for euros\"";
        assertThat(policy.classify(wrong, message).label()).isEqualTo("age_limit");
    }

    @Test
    void a_rule_moves_the_answer_and_is_reported() {
        String message = "My card never showed up in the post";
        String wrong = policy.classify(SEED, message).label();
        String ruled = SEED + "\n- If the message mentions \"post\", prefer card_arrival over " + wrong + ".";
        IntentPrediction p = policy.classify(ruled, message);
        assertThat(p.label()).isEqualTo("card_arrival");
        assertThat(p.firedRule()).isPresent();
    }

    @Test
    void the_verifier_names_the_expected_and_the_predicted_label() {
        IntentVerifier verifier = new IntentVerifier(policy.dialect());
        String message = "My card never showed up in the post";
        IntentPrediction p = policy.classify(SEED, message);
        IntentVerdict verdict = verifier.verify(SEED, message, "card_arrival", p);
        assertThat(verdict.reward()).isZero();
        assertThat(verdict.feedback()).contains("Expected card_arrival", p.label(), "no description for card_arrival");
        IntentVerdict right = verifier.verify(SEED, message, p.label(), p);
        assertThat(right.correct()).isTrue();
    }

    @Test
    void the_editor_fixes_the_failures_it_was_shown() {
        OfflinePromptEditor editor = new OfflinePromptEditor(policy.dialect());
        String message = "My card never showed up in the post";
        String predicted = policy.classify(SEED, message).label();
        var failure = new ClassificationFailure(message, "card_arrival", predicted, "");
        String child = editor.propose(SEED, List.of(failure), new SplittableRandom(1));
        assertThat(policy.classify(child, message).label()).isEqualTo("card_arrival");
    }
}
