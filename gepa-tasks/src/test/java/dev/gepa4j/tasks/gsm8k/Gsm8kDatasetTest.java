package dev.gepa4j.tasks.gsm8k;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class Gsm8kDatasetTest {
    private static final Gsm8kDataset DATA = Gsm8kDataset.load();

    @Test
    void loads_every_problem_of_the_bundled_file_with_its_gold_number() {
        assertThat(DATA.problems()).hasSize(1319);
        Gsm8kProblem first = DATA.problems().getFirst();
        assertThat(first.exampleId()).isEqualTo("gsm8k:0");
        assertThat(first.question()).startsWith("Janet\u2019s ducks lay 16 eggs per day.");
        assertThat(first.answer()).isEqualByComparingTo("18");
        assertThat(DATA.problems()).anyMatch(p -> p.answer().signum() < 0);
    }

    @Test
    void the_splits_are_fixed_and_disjoint() {
        Gsm8kSplits splits = DATA.splits();
        assertThat(splits.train()).hasSize(Gsm8kDataset.TRAIN_SIZE);
        assertThat(splits.test()).hasSize(1319 - Gsm8kDataset.TRAIN_SIZE);
        Set<String> train = new HashSet<>(splits.train().stream().map(Gsm8kProblem::exampleId).toList());
        assertThat(splits.test()).noneMatch(p -> train.contains(p.exampleId()));
        assertThat(Gsm8kDataset.load().splits().train()).isEqualTo(splits.train());
    }

    @Test
    void rows_carry_the_question_and_the_gold_answer_and_refuse_bad_seeds() {
        Gsm8kRows rows = new Gsm8kRows(DATA.splits());
        var row = rows.rows("train", List.of(0L)).getFirst();
        assertThat(row.field(Gsm8kRows.QUESTION)).isEqualTo(DATA.splits().train().getFirst().question());
        assertThat(rows.problem(row)).isEqualTo(DATA.splits().train().getFirst());
        assertThat(rows.dataset().splitSizes()).containsEntry("train", 300).containsEntry("test", 1019);
        assertThatThrownBy(() -> rows.rows("train", List.of(300L))).hasMessageContaining("0..299");
        assertThatThrownBy(() -> rows.rows("validation", List.of(0L))).hasMessageContaining("use train or test");
    }

    @Test
    void the_gold_answer_drops_thousands_separators() {
        assertThat(Gsm8kDataset.goldAnswer("so 2,125 in all\n#### 2,125")).isEqualByComparingTo("2125");
        assertThatThrownBy(() -> Gsm8kDataset.goldAnswer("no marker")).hasMessageContaining("####");
    }
}
