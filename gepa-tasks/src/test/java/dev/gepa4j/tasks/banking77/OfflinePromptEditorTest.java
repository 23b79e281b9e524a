package dev.gepa4j.tasks.banking77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class OfflinePromptEditorTest {
    private final PolicyDialect dialect = new PolicyDialect(Set.copyOf(Banking77Prompts.labels()));
    private final OfflinePromptEditor editor = new OfflinePromptEditor(dialect);
    private final IntentKnowledge knowledge = IntentKnowledge.bundled();
    private final List<ClassificationFailure> failures = List.of(
            new ClassificationFailure("Why is my top up still \"pending\"?", "pending_top_up", "top_up_failed", "x"),
            new ClassificationFailure("My card has not arrived yet", "card_arrival", "card_delivery_estimate", "x"),
            new ClassificationFailure("\nI was charged twice\r\n for one coffee", "transaction_charged_twice",
                    "card_payment_fee_charged", "x"));

    @Test
    void the_same_seed_gives_the_same_prompt() {
        String a = editor.propose(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(7));
        String b = editor.propose(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(7));
        assertThat(a).isEqualTo(b).isNotEqualTo(Banking77Prompts.SEED_PROMPT);
        assertThat(editor.alternatives(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(7), 4))
                .isEqualTo(editor.alternatives(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(7), 4));
    }

    @Test
    void an_edit_gives_the_expected_and_the_predicted_label_their_knowledge_descriptions() {
        String child = editor.propose(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(3));
        PolicyPrompt p = dialect.parse(child);
        assertThat(p.instructions()).containsExactly(Banking77Prompts.SEED_PROMPT);
        for (String label : List.of("pending_top_up", "top_up_failed", "card_arrival", "card_delivery_estimate",
                "transaction_charged_twice", "card_payment_fee_charged")) {
            assertThat(p.descriptionOf(label)).as(label).map(LabelDescription::prose)
                    .isEqualTo(knowledge.description(label));
        }
        assertThat(dialect.render(p)).isEqualTo(child);
    }

    @Test
    void a_first_edit_adds_knowledge_but_no_example_phrases() {
        PolicyPrompt p = dialect.parse(editor.propose(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(3)));
        assertThat(p.descriptions()).allMatch(d -> d.examples().isEmpty());
    }

    @Test
    void a_generic_description_is_sharpened_and_its_examples_kept() {
        String prompt = Banking77Prompts.SEED_PROMPT + "\n- card_arrival: questions about card arrival, e.g. \"no card\"";
        PolicyPrompt p = dialect.parse(editor.propose(prompt, List.of(failures.get(1)), new SplittableRandom(1),
                EditFocus.DESCRIPTIONS));
        assertThat(p.descriptionOf("card_arrival")).contains(new LabelDescription("card_arrival",
                knowledge.description("card_arrival").orElseThrow(), List.of("no card")));
    }

    @Test
    void a_contrast_rule_is_added_for_a_known_confused_pair() {
        String child = editor.propose(Banking77Prompts.SEED_PROMPT, List.of(failures.get(0)), new SplittableRandom(2));
        assertThat(dialect.parse(child).rules()).containsExactly(
                new DisambiguationRule(List.of("pending"), "pending_top_up", Optional.of("top_up_failed")));
        assertThat(child).contains("- If the message mentions \"pending\", prefer pending_top_up over top_up_failed.");
    }

    @Test
    void no_rule_is_added_when_the_message_lacks_the_contrast_terms() {
        var failure = new ClassificationFailure("my top up is stuck", "pending_top_up", "top_up_failed", "");
        String child = editor.propose(Banking77Prompts.SEED_PROMPT, List.of(failure), new SplittableRandom(2));
        assertThat(dialect.parse(child).rules()).isEmpty();
    }

    @Test
    void an_example_phrase_is_added_only_once_knowledge_has_not_helped() {
        String described = editor.propose(Banking77Prompts.SEED_PROMPT, List.of(failures.get(2)),
                new SplittableRandom(4));
        assertThat(dialect.parse(described).descriptionOf("transaction_charged_twice").orElseThrow().examples())
                .isEmpty();
        String again = editor.propose(described, List.of(failures.get(2)), new SplittableRandom(4));
        assertThat(dialect.parse(again).descriptionOf("transaction_charged_twice").orElseThrow().examples())
                .containsExactly("I was charged twice for one coffee");
    }

    @Test
    void the_prompt_stays_bounded_after_many_edits() {
        String prompt = Banking77Prompts.SEED_PROMPT;
        SplittableRandom random = new SplittableRandom(11);
        List<String> labels = Banking77Prompts.labels();
        EditFocus[] foci = EditFocus.values();
        for (int i = 0; i < 200; i++) {
            List<ClassificationFailure> batch = new ArrayList<>();
            batch.add(new ClassificationFailure("message number " + i + " about cards and transfers",
                    labels.get(i % 5), labels.get(5 + i % 7), ""));
            prompt = editor.propose(prompt, batch, random, foci[i % foci.length]);
        }
        PolicyPrompt p = dialect.parse(prompt);
        assertThat(p.rules()).hasSizeLessThanOrEqualTo(OfflinePromptEditor.MAX_RULES);
        assertThat(p.descriptions()).hasSizeLessThanOrEqualTo(labels.size())
                .allMatch(d -> d.examples().size() <= OfflinePromptEditor.MAX_EXAMPLES);
    }

    @Test
    void alternatives_differ_in_focus() {
        List<String> edits = editor.alternatives(Banking77Prompts.SEED_PROMPT, failures, new SplittableRandom(5), 4);
        assertThat(edits).hasSize(4).doesNotHaveDuplicates();
        assertThat(dialect.parse(edits.get(0)).rules()).isNotEmpty();
        assertThat(dialect.parse(edits.get(1)).rules()).isEmpty();
        assertThat(dialect.parse(edits.get(1)).descriptions()).isNotEmpty().allMatch(d -> d.examples().isEmpty());
        assertThat(dialect.parse(edits.get(2)).descriptionOf("card_arrival").orElseThrow().examples())
                .containsExactly("My card has not arrived yet");
        assertThat(dialect.parse(edits.get(3)).descriptions()).isEmpty();
        assertThat(dialect.parse(edits.get(3)).rules()).isNotEmpty();
    }
}
