package dev.gepa4j.tasks.banking77;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Banking77DatasetTest {
    private static final Banking77Dataset DATA = Banking77Dataset.load();

    @Test
    void the_csv_files_parse_into_all_rows_including_quoted_line_breaks() {
        assertThat(DATA.trainRows()).hasSize(10_003);
        assertThat(DATA.testRows()).hasSize(3_080);
        assertThat(DATA.trainRows()).filteredOn(r -> r.text().contains("\n")).hasSize(10);
        assertThat(DATA.testRows()).filteredOn(r -> r.text().contains("\n")).hasSize(3);
        assertThat(DATA.trainRows()).extracting(Banking77Dataset.LabelledText::category).allMatch(DATA.labels()::contains);
    }

    @Test
    void the_label_list_has_the_77_categories_in_file_order() {
        assertThat(Banking77Prompts.labels()).hasSize(77).startsWith("card_arrival", "card_linking")
                .contains("Refund_not_showing_up", "reverted_card_payment?");
    }

    @Test
    void splits_are_disjoint_and_the_same_for_the_same_seed() {
        Banking77Splits a = DATA.splits(SplitSizes.DEFAULTS);
        Banking77Splits b = DATA.splits(SplitSizes.DEFAULTS);
        assertThat(a).isEqualTo(b);
        assertThat(a.train()).hasSize(SplitSizes.DEFAULTS.train());
        assertThat(a.heldout()).hasSize(SplitSizes.DEFAULTS.heldout());
        Set<String> trainTexts = new HashSet<>(a.train().stream().map(Banking77Example::text).toList());
        assertThat(a.heldout()).noneMatch(e -> trainTexts.contains(e.text()));
        assertThat(a.train().get(17).exampleId()).isEqualTo("train:17");
        assertThat(a.train().get(17).seed()).isEqualTo(17);
    }

    @Test
    void a_different_shuffle_seed_draws_different_examples() {
        Banking77Splits a = DATA.splits(new SplitSizes(40, 100, 1));
        Banking77Splits b = DATA.splits(new SplitSizes(40, 100, 2));
        assertThat(a.train()).isNotEqualTo(b.train());
    }
}
