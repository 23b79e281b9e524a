package dev.gepa4j.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The overlap benchmark's options and its summary line (the benchmark itself is a program, run by hand). */
class OverlapBenchmarkOptionsTest {

    @Test
    void seeds_default_to_one_through_eight_and_take_a_range_a_list_or_one_seed() {
        assertThat(OverlapBenchmark.Options.parse(new String[0]).seeds()).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(OverlapBenchmark.Options.parse(new String[] {"--seeds", "3-5"}).seeds()).containsExactly(3L, 4L, 5L);
        assertThat(OverlapBenchmark.Options.parse(new String[] {"--seeds", "9, 2,7"}).seeds()).containsExactly(9L, 2L, 7L);
        assertThat(OverlapBenchmark.Options.parse(new String[] {"--seeds", "1-8", "--seed", "4"}).seeds())
                .as("--seed picks one seed").containsExactly(4L);
    }

    @Test
    void lanes_default_to_the_in_flight_default_of_an_llm_proposer() {
        assertThat(OverlapBenchmark.Options.parse(new String[0]).lanes()).isEqualTo(8);
        assertThat(OverlapBenchmark.Options.parse(new String[] {"--lanes", "4"}).lanes()).isEqualTo(4);
    }

    @Test
    void a_malformed_option_names_what_was_wrong() {
        assertThatThrownBy(() -> OverlapBenchmark.Options.parse(new String[] {"--seeds", "5-2"}))
                .hasMessageContaining("--seeds 5-2").hasMessageContaining("range like 1-8");
        assertThatThrownBy(() -> OverlapBenchmark.Options.parse(new String[] {"--seeds", "1,x"}))
                .hasMessageContaining("list like 1,5,9");
        assertThatThrownBy(() -> OverlapBenchmark.Options.parse(new String[] {"--seed", "one"}))
                .hasMessageContaining("--seed one: expected a whole number");
        assertThatThrownBy(() -> OverlapBenchmark.Options.parse(new String[] {"--lane", "4"}))
                .hasMessageContaining("unknown option --lane").hasMessageContaining("lanes");
        assertThatThrownBy(() -> OverlapBenchmark.Options.parse(new String[] {"--staleness", "sometimes"}))
                .hasMessageContaining("sometimes");
    }

    @Test
    void a_trace_file_starts_empty_and_an_unwritable_path_is_named(@TempDir Path dir) throws IOException {
        Path old = Files.writeString(dir.resolve("t.jsonl"), "an earlier run\n");
        assertThat(OverlapBenchmark.startTrace(old.toString())).isEqualTo(old);
        assertThat(Files.readString(old)).isEmpty();
        String missing = dir.resolve("no-such-folder/t.jsonl").toString();
        assertThatThrownBy(() -> OverlapBenchmark.startTrace(missing)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--trace " + missing).hasMessageContaining("existing folder");
    }

    @Test
    void the_summary_judges_the_mean_and_counts_a_seed_that_never_reached_the_serial_score_as_one() {
        String met = OverlapBenchmark.summary(List.of(1L, 2L, 3L), List.of(0.30, 0.25, 0.40));
        assertThat(met).contains("\"seeds\":[1, 2, 3]", "\"reach_over_serial_wall_mean\":0.3167", "\"median\":0.3000",
                "\"min\":0.2500", "\"max\":0.4000", "\"seeds_never_reached\":0", "\"target_met\":true");
        String missed = OverlapBenchmark.summary(List.of(1L, 2L), Arrays.asList(0.20, null));
        assertThat(missed).contains("\"reach_over_serial_wall_mean\":0.6000", "\"median\":0.6000",
                "\"seeds_never_reached\":1", "\"target_met\":false");
    }
}
