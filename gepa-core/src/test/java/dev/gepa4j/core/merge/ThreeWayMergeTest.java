package dev.gepa4j.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ThreeWayMergeTest {

    @Test
    void when_only_one_side_or_both_identically_changed_the_text_that_change_is_taken() {
        assertThat(ThreeWayMerge.merge("base", "base", "theirs")).contains("theirs");
        assertThat(ThreeWayMerge.merge("base", "ours", "base")).contains("ours");
        assertThat(ThreeWayMerge.merge("base", "same", "same")).contains("same");
    }

    @Test
    void edits_to_different_lines_are_combined() {
        String base = "one\ntwo\nthree\nfour\n";
        assertThat(ThreeWayMerge.merge(base, "ONE\ntwo\nthree\nfour\n", "one\ntwo\nthree\nFOUR\n"))
                .contains("ONE\ntwo\nthree\nFOUR\n");
    }

    @Test
    void edits_to_different_words_of_one_line_are_combined_word_by_word() {
        assertThat(ThreeWayMerge.merge("Answer the request briefly.", "Answer every request briefly.",
                "Answer the request briefly and cite sources."))
                .contains("Answer every request briefly and cite sources.");
    }

    @Test
    void two_insertions_at_the_same_place_are_both_kept_ours_first() {
        String base = "Answer the request. cite";
        assertThat(ThreeWayMerge.merge(base, base + " verify", base + " units")).contains(base + " verify units");
        assertThat(ThreeWayMerge.merge(base, base + " units", base + " verify")).contains(base + " units verify");
        assertThat(ThreeWayMerge.merge("a\nb\n", "a\nX\nb\n", "a\nY\nb\n")).as("whole lines too")
                .contains("a\nX\nY\nb\n");
    }

    @Test
    void an_insertion_and_an_edit_elsewhere_combine() {
        assertThat(ThreeWayMerge.merge("Be brief. Use plain text.", "Be concise. Use plain text.",
                "Be brief. Use plain text. Add a table.")).contains("Be concise. Use plain text. Add a table.");
    }

    @Test
    void overlapping_rewrites_of_the_same_words_conflict() {
        assertThat(ThreeWayMerge.merge("Reply in plain text.", "Reply in JSON.", "Reply in a table.")).isEmpty();
        assertThat(ThreeWayMerge.merge("A0", "A1", "A2")).isEmpty();
        assertThat(ThreeWayMerge.merge("keep cite here", "keep here", "keep cite now here"))
                .as("a deletion touching the other side's insertion").isEmpty();
    }

    @Test
    void whitespace_and_line_breaks_survive_the_merge_exactly() {
        String base = "  first line\n\nsecond  line";
        assertThat(ThreeWayMerge.merge(base, "  first line\n\nsecond  line\n", "  First line\n\nsecond  line"))
                .contains("  First line\n\nsecond  line\n");
        assertThat(ThreeWayMerge.merge("", "x", "y")).as("both inserted into an empty text").contains("xy");
    }
}
