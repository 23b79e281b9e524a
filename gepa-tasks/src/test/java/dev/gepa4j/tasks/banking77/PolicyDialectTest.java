package dev.gepa4j.tasks.banking77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PolicyDialectTest {
    private final PolicyDialect dialect = new PolicyDialect(Set.copyOf(Banking77Prompts.labels()));

    @Test
    void descriptions_rules_and_instructions_are_recognised() {
        PolicyPrompt p = dialect.parse("""
                Be careful.
                - card_arrival: waiting for a card, e.g. "my card is late"; "no card yet"
                - If the message mentions "pending" and "top up", prefer pending_top_up over top_up_failed.
                - If the message mentions "apple pay", prefer apple_pay_or_google_pay.
                - not_a_label: ignored as an instruction
                """);
        assertThat(p.instructions()).containsExactly("Be careful.", "- not_a_label: ignored as an instruction");
        assertThat(p.descriptionOf("card_arrival")).contains(
                new LabelDescription("card_arrival", "waiting for a card", List.of("my card is late", "no card yet")));
        assertThat(p.rules()).containsExactly(
                new DisambiguationRule(List.of("pending", "top up"), "pending_top_up", Optional.of("top_up_failed")),
                new DisambiguationRule(List.of("apple pay"), "apple_pay_or_google_pay", Optional.empty()));
    }

    @Test
    void rendering_then_parsing_gives_back_the_same_prompt() {
        PolicyPrompt p = dialect.parse(Banking77Prompts.SEED_PROMPT
                + "\n- Refund_not_showing_up: e.g. \"where is my refund\"\n- If the message mentions \"refund\", prefer request_refund.");
        assertThat(dialect.parse(dialect.render(p))).isEqualTo(p);
    }

    @Test
    void rule_terms_match_loosely_by_stem_but_not_inside_words() {
        var rule = new DisambiguationRule(List.of("arrival"), "card_arrival", Optional.empty());
        assertThat(rule.matches(DisambiguationRule.normalize("It never ARRIVED!"))).isTrue();
        assertThat(rule.matches(DisambiguationRule.normalize("Upon my return"))).isFalse();
    }
}
