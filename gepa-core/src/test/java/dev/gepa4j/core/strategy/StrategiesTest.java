package dev.gepa4j.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gepa4j.core.frontier.ParetoFrontier;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.Usage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StrategiesTest {
    private static Candidate c(int i) {
        return Candidate.of(i, Map.of("p", "text " + i), List.of(), "t");
    }

    private static ParetoFrontier twoCandidates() {
        ParetoFrontier f = new ParetoFrontier(List.of("v0", "v1"));
        f.add(c(0), Map.of("v0", 1.0, "v1", 0.0));
        f.add(c(1), Map.of("v0", 0.0, "v1", 1.0));
        f.add(c(2), Map.of("v0", 0.5, "v1", 0.9));
        return f;
    }

    @Test
    void epsilon_zero_always_exploits() {
        ParetoFrontier f = twoCandidates();
        RandomGenerator r = new SplittableRandom(1);
        EpsilonGreedySelector s = new EpsilonGreedySelector(0);
        for (int i = 0; i < 200; i++) {
            assertThat(s.select(f, r).id()).isEqualTo(f.bestByMean().id());
        }
    }

    @Test
    void epsilon_one_explores_every_candidate() {
        ParetoFrontier f = twoCandidates();
        RandomGenerator r = new SplittableRandom(1);
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            seen.add(new EpsilonGreedySelector(1).select(f, r).id());
        }
        assertThat(seen).hasSize(3);
    }

    @ParameterizedTest
    @ValueSource(doubles = {-0.1, 1.01, Double.NaN})
    void epsilon_outside_zero_one_is_refused(double eps) {
        assertThatThrownBy(() -> new EpsilonGreedySelector(eps)).hasMessageContaining("epsilon must be in [0,1]");
    }

    @Test
    void pareto_selection_repeats_with_the_same_seed_and_only_picks_weighted_candidates() {
        ParetoFrontier f = twoCandidates();
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        RandomGenerator ra = new SplittableRandom(9);
        RandomGenerator rb = new SplittableRandom(9);
        for (int i = 0; i < 100; i++) {
            a.add(new ParetoWeightedSelector().select(f, ra).id());
            b.add(new ParetoWeightedSelector().select(f, rb).id());
        }
        assertThat(a).isEqualTo(b);
        assertThat(f.selectionWeights().keySet()).containsAll(new HashSet<>(a));
    }

    @Test
    void strict_improvement_rejects_ties_and_or_equal_accepts_them() {
        assertThat(new StrictImprovement().accepts(2, 2)).isFalse();
        assertThat(new StrictImprovement().accepts(2, 2.5)).isTrue();
        assertThat(new ImprovementOrEqual().accepts(2, 2)).isTrue();
        assertThat(new ImprovementOrEqual().accepts(2, 1.9)).isFalse();
        assertThat(new StrictImprovement().accepts(0.3, 0.1 + 0.2)).as("rounding is a tie").isFalse();
        assertThat(new StrictImprovement().hopeless(2, 0, 2)).isTrue();
        assertThat(new StrictImprovement().hopeless(2, 1, 2)).isFalse();
    }

    @Test
    void the_epoch_sampler_gives_distinct_minibatches_covering_each_epoch() {
        List<DatasetRow> train = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            train.add(new DatasetRow(new ExampleRef(Split.TRAIN, i, "e" + i), "{}", "q"));
        }
        EpochShuffledSampler s = new EpochShuffledSampler();
        RandomGenerator r = new SplittableRandom(3);
        List<DatasetRow> seen = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            List<DatasetRow> mb = s.next(train, 3, r);
            assertThat(new HashSet<>(mb)).hasSize(3);
            seen.addAll(mb);
        }
        assertThat(new HashSet<>(seen.subList(0, 10))).hasSize(10);
        assertThat(new HashSet<>(seen.subList(10, 20))).hasSize(10);
        assertThat(s.next(train, 50, r)).hasSize(10);
        assertThatThrownBy(() -> s.next(List.of(), 3, r)).hasMessageContaining("empty train set");
    }

    @Test
    void round_robin_cycles_per_parent_and_a_child_continues_where_its_parent_left_off() {
        RoundRobinComponents rr = new RoundRobinComponents();
        List<String> fields = List.of("a", "b", "c");
        Candidate p = c(0);
        assertThat(rr.fieldsToUpdate(p, fields)).containsExactly("a");
        assertThat(rr.fieldsToUpdate(p, fields)).containsExactly("b");
        Candidate child = Candidate.of(1, Map.of("p", "child"), List.of(p.id()), "t");
        rr.inherit(child);
        assertThat(rr.fieldsToUpdate(child, fields)).containsExactly("c");
        assertThat(rr.fieldsToUpdate(p, fields)).containsExactly("c");
        assertThat(rr.fieldsToUpdate(p, fields)).containsExactly("a");
        assertThat(new AllComponents().fieldsToUpdate(p, fields)).isEqualTo(fields);
        assertThatThrownBy(() -> ComponentSelector.parse("random")).hasMessageContaining("use round_robin or all");
    }

    @Test
    void round_robin_skips_fields_busy_in_flight_and_with_none_busy_answers_as_plain_round_robin() {
        List<String> fields = List.of("a", "b", "c");
        RoundRobinComponents steered = new RoundRobinComponents();
        RoundRobinComponents plain = new RoundRobinComponents();
        Candidate p = c(0);
        assertThat(steered.fieldsToUpdate(p, fields, Set.of("a"))).containsExactly("b");
        assertThat(steered.fieldsToUpdate(p, fields, Set.of("b", "c"))).as("wraps around to a free field")
                .containsExactly("a");
        assertThat(steered.fieldsToUpdate(p, fields, Set.of("a", "b", "c"))).as("all busy: the plain next field")
                .containsExactly("b");
        for (int i = 0; i < 4; i++) {
            assertThat(steered.fieldsToUpdate(c(1), fields, Set.of())).isEqualTo(plain.fieldsToUpdate(c(1), fields));
        }
    }

    @Test
    void stop_conditions_fire_on_their_own_measure_and_say_why(@TempDir Path dir) throws Exception {
        LoopProgress p = new LoopProgress(7, 4, 0.8, 50, 20, 36, Usage.of(900, 200, 0.5), Duration.ofMinutes(3));
        assertThat(new RolloutBudgetStop().check(p)).contains("rollout budget");
        assertThat(new RolloutBudgetStop().check(new LoopProgress(7, 4, 0.8, 56, 20, 36, Usage.ZERO, Duration.ZERO))).isEmpty();
        assertThat(new ProposerTokenBudget(1000).check(p)).isPresent();
        assertThat(new ProposerTokenBudget(2000).check(p)).isEmpty();
        assertThat(new ProposerCostBudget(0.5).check(p)).isPresent();
        assertThat(new WallTimeLimit(Duration.ofMinutes(2)).check(p)).isPresent();
        assertThat(new WallTimeLimit(Duration.ofMinutes(5)).check(p)).isEmpty();
        assertThat(new ScoreThreshold(0.8).check(p)).isPresent();
        assertThat(new ScoreThreshold(0.9).check(p)).isEmpty();
        assertThat(new NoImprovement(4).check(p)).contains("no improvement in 4 proposals");
        assertThat(new ProposalLimit(8).check(p)).isEmpty();
        Path stop = dir.resolve("gepa.stop");
        assertThat(new StopFile(stop).check(p)).isEmpty();
        Files.writeString(stop, "");
        assertThat(new StopFile(stop).check(p)).isPresent();
        assertThat(StopCondition.anyOf(new ProposalLimit(100), new NoImprovement(2)).check(p)).contains("no improvement in 2 proposals");
        assertThatThrownBy(() -> new NoImprovement(0)).hasMessageContaining(">= 1");
    }

    @Test
    void a_complementary_merge_pair_is_preferred_to_a_stronger_pair_that_changed_the_same_field() {
        Candidate seed = Candidate.of(0, Map.of("a", "A0", "b", "B0"), List.of(), "seed");
        Candidate a1 = Candidate.of(1, Map.of("a", "A1", "b", "B0"), List.of(seed.id()), "m");
        Candidate a2 = Candidate.of(2, Map.of("a", "A2", "b", "B0"), List.of(seed.id()), "m");
        Candidate both = Candidate.of(3, Map.of("a", "A3", "b", "B3"), List.of(seed.id()), "m");
        Candidate b1 = Candidate.of(4, Map.of("a", "A0", "b", "B1"), List.of(seed.id()), "m");
        ParetoFrontier f = new ParetoFrontier(List.of("w", "x", "y", "z"));
        f.add(seed, Map.of("w", 0.0, "x", 0.0, "y", 0.0, "z", 0.0));
        f.add(a1, Map.of("w", 1.0, "x", 0.0, "y", 0.0, "z", 0.0));
        f.add(a2, Map.of("w", 0.0, "x", 1.0, "y", 0.0, "z", 0.0));
        f.add(both, Map.of("w", 0.0, "x", 0.0, "y", 1.0, "z", 0.5));
        f.add(b1, Map.of("w", 0.0, "x", 0.0, "y", 0.0, "z", 1.0));
        MergePairFinder finder = new MergePairFinder();
        MergeTriplet t = finder.find(f, Set.of()).orElseThrow();
        assertThat(MergePairFinder.complementary(seed, f.candidate(t.parentA()), f.candidate(t.parentB()))).isTrue();
        assertThat(Set.of(t.parentA(), t.parentB())).as("of the complementary pairs the newest with the best union")
                .containsExactlyInAnyOrder(a2.id(), b1.id());
        assertThat(finder.find(f, Set.of())).as("a function of the frontier").contains(t);
        MergeTriplet next = finder.find(f, Set.of(), Set.of(t)).orElseThrow();
        assertThat(Set.of(next.parentA(), next.parentB())).as("a pair being merged is left alone meanwhile")
                .containsExactlyInAnyOrder(a1.id(), b1.id());
        assertThat(MergePairFinder.complementary(seed, a1, a2)).isFalse();
        assertThat(MergePairFinder.complementary(seed, both, b1)).isFalse();
    }

    @Test
    void two_children_that_appended_to_the_same_field_are_a_complementary_merge_pair() {
        Candidate seed = Candidate.of(0, Map.of("a", "Answer.", "b", "Plain."), List.of(), "seed");
        Candidate cite = Candidate.of(1, Map.of("a", "Answer. cite", "b", "Plain."), List.of(seed.id()), "m");
        Candidate verify = Candidate.of(2, Map.of("a", "Answer. verify", "b", "Plain."), List.of(seed.id()), "m");
        Candidate rewrite = Candidate.of(3, Map.of("a", "Reply.", "b", "Plain."), List.of(seed.id()), "m");
        ParetoFrontier f = new ParetoFrontier(List.of("x", "y", "z"));
        f.add(seed, Map.of("x", 0.0, "y", 0.0, "z", 0.0));
        f.add(cite, Map.of("x", 1.0, "y", 0.0, "z", 0.0));
        f.add(verify, Map.of("x", 0.0, "y", 1.0, "z", 0.0));
        f.add(rewrite, Map.of("x", 0.0, "y", 0.0, "z", 1.0));
        MergeTriplet t = new MergePairFinder().find(f, Set.of()).orElseThrow();
        assertThat(t).as("the only pair whose edits combine; the rewrite conflicts with both")
                .isEqualTo(new MergeTriplet(cite.id(), verify.id(), seed.id()));
        assertThat(MergePairFinder.complementary(seed, cite, verify)).isTrue();
        assertThat(MergePairFinder.complementary(seed, cite, rewrite)).isFalse();
        assertThat(new MergePairFinder().find(f, Set.of(t))).as("conflicting pairs would only reproduce a parent")
                .isEmpty();
    }

    @Test
    void merge_pairs_skip_ancestor_descendant_pairs_and_tried_triplets() {
        Candidate seed = Candidate.of(0, Map.of("a", "A0", "b", "B0"), List.of(), "seed");
        Candidate left = Candidate.of(1, Map.of("a", "A1", "b", "B0"), List.of(seed.id()), "m");
        Candidate right = Candidate.of(2, Map.of("a", "A0", "b", "B1"), List.of(seed.id()), "m");
        ParetoFrontier f = new ParetoFrontier(List.of("x", "y"));
        f.add(seed, Map.of("x", 0.0, "y", 0.0));
        f.add(left, Map.of("x", 1.0, "y", 0.0));
        f.add(right, Map.of("x", 0.0, "y", 1.0));
        MergePairFinder finder = new MergePairFinder();
        MergeTriplet t = finder.find(f, Set.of()).orElseThrow();
        assertThat(t).isEqualTo(new MergeTriplet(left.id(), right.id(), seed.id()));
        assertThat(finder.find(f, Set.of(t))).isEmpty();
    }
}
