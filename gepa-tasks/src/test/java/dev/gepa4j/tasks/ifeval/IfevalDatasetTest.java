package dev.gepa4j.tasks.ifeval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.tasks.ifeval.checks.InstructionCheckers;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class IfevalDatasetTest {
    private final IfevalDataset dataset = IfevalDataset.load();

    @Test
    void theBundledFileHasEveryPromptAndInstruction() {
        assertThat(dataset.examples()).hasSize(541);
        assertThat(dataset.examples().stream().mapToInt(e -> e.instructions().size()).sum()).isEqualTo(834);
        assertThat(dataset.examples().stream().map(IfevalExample::key).distinct().count()).isEqualTo(541);
    }

    @Test
    void theCheckersCoverAtLeastTheFifteenMostFrequentInstructionIds() {
        Map<String, Long> counts = dataset.examples().stream().flatMap(e -> e.instructions().stream())
                .collect(Collectors.groupingBy(IfevalInstruction::id, Collectors.counting()));
        List<String> top15 = counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(15).map(Map.Entry::getKey)
                .toList();

        assertThat(counts).hasSize(25);
        assertThat(InstructionCheckers.coveredIds()).containsAll(top15);
        assertThat(InstructionCheckers.coveredIds()).containsAll(counts.keySet());
    }

    @Test
    void splitsAreDisjointCoverEveryScorablePromptAndRepeat() {
        IfevalSplits splits = dataset.splits();
        Set<Integer> seen = new HashSet<>();
        for (List<IfevalExample> split : List.of(splits.train(), splits.validation(), splits.test())) {
            for (IfevalExample e : split) {
                assertThat(seen.add(e.key())).as("key %d in two splits", e.key()).isTrue();
            }
        }
        assertThat(splits.validation()).hasSize(100);
        assertThat(splits.test()).hasSize(200);
        assertThat(splits.train()).hasSize(241);
        Function<List<IfevalExample>, List<Integer>> keys = l -> l.stream().map(IfevalExample::key).toList();
        IfevalSplits again = IfevalDataset.load().splits();
        assertThat(keys.apply(again.train())).isEqualTo(keys.apply(splits.train()));
        assertThat(keys.apply(again.test())).isEqualTo(keys.apply(splits.test()));
    }

    @Test
    void theVerifierRewardsTheFractionOfCheckedInstructionsAndNamesEachFailure() {
        IfevalExample example = new IfevalExample(1, "p", List.of(
                new IfevalInstruction("punctuation:no_comma", Map.of()),
                new IfevalInstruction("length_constraints:number_words", Map.of("relation", "at least",
                        "num_words", 300)),
                new IfevalInstruction("detectable_format:haiku", Map.of())));

        IfevalVerdict verdict = new IfevalVerifier().verify(example, "Short, sweet, done.");

        assertThat(verdict.reward()).isZero();
        assertThat(verdict.notChecked()).containsExactly("detectable_format:haiku");
        assertThat(verdict.feedback()).contains("Followed 0 of 2 checked instructions.")
                .contains("FAILED punctuation:no_comma: asked for no commas, found 2")
                .contains("FAILED length_constraints:number_words: asked for at least 300 words, got 3")
                .contains("Not checked (no checker): detectable_format:haiku");
        assertThat(new IfevalVerifier().verify(example, "Short and sweet.").reward()).isEqualTo(0.5);
    }
}
