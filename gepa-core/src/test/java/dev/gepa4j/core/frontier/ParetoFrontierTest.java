package dev.gepa4j.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.model.Candidate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoFrontierTest {
    private static Candidate c(int i) {
        return Candidate.of(i, Map.of("p", "text " + i), List.of(), "t");
    }

    @Test
    void a_weaker_tied_holder_is_pruned_so_the_stronger_is_the_only_parent() {
        ParetoFrontier f = new ParetoFrontier(List.of("v0", "v1"));
        f.add(c(0), Map.of("v0", 1.0, "v1", 0.0));
        f.add(c(1), Map.of("v0", 1.0, "v1", 1.0));
        assertThat(f.selectionWeights()).containsExactly(Map.entry(c(1).id(), 2));
    }

    @Test
    void a_broadly_strong_candidate_holding_no_front_alone_still_gets_mass() {
        // Each specialist solves one example alone; the generalist solves three of four but holds no front alone.
        ParetoFrontier f = new ParetoFrontier(List.of("a", "b", "c", "d"));
        f.add(c(0), Map.of("a", 1.0, "b", 0.0, "c", 0.0, "d", 0.0));
        f.add(c(1), Map.of("a", 0.0, "b", 1.0, "c", 0.0, "d", 0.0));
        f.add(c(2), Map.of("a", 0.0, "b", 0.0, "c", 1.0, "d", 0.0));
        f.add(c(3), Map.of("a", 0.0, "b", 0.0, "c", 0.0, "d", 1.0));
        f.add(c(4), Map.of("a", 1.0, "b", 1.0, "c", 1.0, "d", 0.0));
        assertThat(f.bestByMean().id()).isEqualTo(c(4).id());
        assertThat(f.selectionWeights()).containsKey(c(4).id());
    }

    @Test
    void unknown_examples_bad_rewards_and_repeats_are_refused_with_the_reason() {
        ParetoFrontier f = new ParetoFrontier(List.of("a"));
        assertThatThrownBy(() -> f.add(c(0), Map.of("zz", 1.0))).hasMessageContaining("unknown train example 'zz'");
        assertThatThrownBy(() -> f.add(c(0), Map.of("a", 1.5))).hasMessageContaining("must be in [0,1]");
        f.add(c(0), Map.of("a", 0.5));
        assertThatThrownBy(() -> f.add(c(0), Map.of("a", 0.5))).hasMessageContaining("already on the frontier");
    }

    @Test
    void a_candidate_measured_nowhere_has_no_mean_rather_than_zero() {
        ParetoFrontier f = new ParetoFrontier(List.of("a"));
        f.add(c(0), Map.of());
        assertThat(f.trainMean(c(0).id())).isNull();
        assertThat(f.coverage().toString()).isEqualTo("0/1");
    }
}
