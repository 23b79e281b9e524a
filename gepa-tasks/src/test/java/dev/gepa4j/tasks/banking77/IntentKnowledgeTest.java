package dev.gepa4j.tasks.banking77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class IntentKnowledgeTest {
    private final IntentKnowledge knowledge = IntentKnowledge.bundled();

    @Test
    void every_one_of_the_77_labels_has_a_one_sentence_description() {
        assertThat(knowledge.describedLabels()).containsExactlyInAnyOrderElementsOf(Banking77Prompts.labels());
        for (String label : Banking77Prompts.labels()) {
            String d = knowledge.description(label).orElseThrow();
            assertThat(d).as(label).isNotBlank().doesNotContain("\"", "\n").hasSizeLessThan(160)
                    .doesNotEndWith(".");
        }
    }

    @Test
    void contrasts_name_two_different_real_labels_and_read_as_valid_rules() {
        Set<String> labels = Set.copyOf(Banking77Prompts.labels());
        PolicyDialect dialect = new PolicyDialect(labels);
        assertThat(knowledge.contrasts()).isNotEmpty().allSatisfy(c -> {
            assertThat(labels).contains(c.preferred(), c.versus());
            assertThat(c.preferred()).isNotEqualTo(c.versus());
            assertThat(c.reason()).isNotBlank();
            assertThat(dialect.parse("- " + c.rule().render()).rules()).containsExactly(c.rule());
        });
    }

    @Test
    void a_known_confused_pair_has_a_contrast_that_matches_a_typical_message() {
        assertThat(knowledge.contrasts("order_physical_card", "get_physical_card"))
                .anyMatch(c -> c.matches("How do I order a physical card?"));
        assertThat(knowledge.lookAlikes("card_arrival")).contains("card_delivery_estimate");
    }

    @Test
    void the_all_descriptions_prompt_describes_every_label() {
        PolicyDialect dialect = new PolicyDialect(Set.copyOf(Banking77Prompts.labels()));
        String prompt = knowledge.describeAll(Banking77Prompts.SEED_PROMPT, Banking77Prompts.labels(), dialect);
        assertThat(dialect.parse(prompt).descriptions()).hasSize(77);
    }
}
