package dev.gepa4j.core.merge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComponentMergeTest {
    private final Candidate anc = Candidate.of(0, Map.of("i", "Answer.", "f", "Plain."), List.of(), "seed");

    private Candidate child(int index, String i, String f) {
        return Candidate.of(index, Map.of("i", i, "f", f), List.of(anc.id()), "m");
    }

    @Test
    void a_field_both_parents_appended_to_keeps_both_additions_the_better_parents_first() {
        Candidate x = child(1, "Answer. cite", "Plain.");
        Candidate y = child(2, "Answer. verify", "Plain. json");
        ComponentMerge m = ComponentMerge.of(anc, x, y, false, List.of("i", "f"));
        assertThat(m.components()).isEqualTo(Map.of("i", "Answer. verify cite", "f", "Plain. json"));
        assertThat(m.conflicts()).isZero();
        assertThat(m.sources().get("i")).contains("three-way merge");
        assertThat(m.takesFromBoth(x, y)).isTrue();
    }

    @Test
    void conflicting_edits_fall_back_to_the_better_parents_text_and_are_counted() {
        Candidate x = child(1, "Reply.", "Plain.");
        Candidate y = child(2, "Respond.", "Plain.");
        ComponentMerge m = ComponentMerge.of(anc, x, y, true, List.of("i", "f"));
        assertThat(m.components()).containsEntry("i", "Reply.");
        assertThat(m.conflicts()).isEqualTo(1);
        assertThat(m.takesFromBoth(x, y)).as("it is just the better parent").isFalse();
    }

    @Test
    void a_field_missing_from_a_parent_is_named() {
        Candidate x = Candidate.of(1, Map.of("i", "Answer. cite"), List.of(anc.id()), "m");
        assertThatThrownBy(() -> ComponentMerge.of(anc, x, child(2, "a", "b"), true, List.of("i", "f")))
                .hasMessageContaining("field 'f' is missing");
    }
}
