package dev.gepa4j.core.frontier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frontier properties over many seeded random pools (pass/fail and graded rewards, sparse results). */
class ParetoFrontierPropertiesTest {

    record Pool(long seed, List<String> examples, List<Candidate> candidates, List<Map<String, Double>> rewards) {
        @Override
        public String toString() {
            return "seed " + seed + ": " + candidates.size() + " candidates x " + examples.size() + " examples";
        }
    }

    static Stream<Pool> pools() {
        return LongStream.range(0, 100).mapToObj(ParetoFrontierPropertiesTest::pool);
    }

    static Pool pool(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = 1 + r.nextInt(12);
        int m = 1 + r.nextInt(20);
        boolean binary = r.nextBoolean();
        List<String> examples = new ArrayList<>();
        for (int e = 0; e < n; e++) {
            examples.add("e" + e);
        }
        List<Candidate> cands = new ArrayList<>();
        List<Map<String, Double>> rewards = new ArrayList<>();
        for (int c = 0; c < m; c++) {
            cands.add(Candidate.of(c, Map.of("p", "prompt " + seed + "/" + c), c == 0 ? List.of() : List.of(cands.get(r.nextInt(c)).id()), "t"));
            Map<String, Double> rw = new LinkedHashMap<>();
            for (String e : examples) {
                if (r.nextDouble() < 0.9) {
                    rw.put(e, binary ? (r.nextDouble() < 0.4 ? 1.0 : 0.0) : r.nextInt(5) / 4.0);
                }
            }
            rewards.add(rw);
        }
        return new Pool(seed, examples, cands, rewards);
    }

    static ParetoFrontier build(Pool p, List<FrontierUpdate> updates) {
        ParetoFrontier f = new ParetoFrontier(p.examples());
        for (int i = 0; i < p.candidates().size(); i++) {
            updates.add(f.add(p.candidates().get(i), p.rewards().get(i)));
        }
        return f;
    }

    @ParameterizedTest
    @MethodSource("pools")
    void each_example_holds_its_maximum_reward_and_exactly_the_candidates_reaching_it(Pool p) {
        ParetoFrontier f = build(p, new ArrayList<>());
        for (String e : p.examples()) {
            double max = p.rewards().stream().mapToDouble(rw -> rw.getOrDefault(e, 0.0)).max().orElse(0);
            if (max > 0) {
                assertThat(f.best(e)).hasValue(max);
                List<String> holders = new ArrayList<>();
                for (int i = 0; i < p.candidates().size(); i++) {
                    if (p.rewards().get(i).getOrDefault(e, 0.0) == max) {
                        holders.add(p.candidates().get(i).id());
                    }
                }
                assertThat(f.holders(e)).containsExactlyInAnyOrderElementsOf(holders);
            } else {
                assertThat(f.best(e)).isEmpty();
                assertThat(f.holders(e)).isEmpty();
            }
        }
    }

    @ParameterizedTest
    @MethodSource("pools")
    void coverage_counts_the_examples_some_candidate_solves(Pool p) {
        ParetoFrontier f = build(p, new ArrayList<>());
        long solved = p.examples().stream().filter(e -> p.rewards().stream().anyMatch(rw -> rw.getOrDefault(e, 0.0) > 0)).count();
        assertThat(f.coverage()).isEqualTo(new Coverage((int) solved, p.examples().size()));
    }

    @ParameterizedTest
    @MethodSource("pools")
    void the_best_mean_candidate_always_keeps_selection_mass_and_every_front_keeps_a_holder(Pool p) {
        ParetoFrontier f = build(p, new ArrayList<>());
        Map<String, Integer> w = f.selectionWeights();
        assertThat(w).containsKey(f.bestByMean().id());
        assertThat(w.values()).allMatch(x -> x >= 1);
        for (String e : p.examples()) {
            if (!f.holders(e).isEmpty()) {
                assertThat(f.holders(e)).anyMatch(w::containsKey);
            }
        }
        for (String id : w.keySet()) {
            assertThat(f.wins(id) > 0 || id.equals(f.bestByMean().id())).isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("pools")
    void the_version_grows_by_one_exactly_when_a_best_or_holder_set_changed(Pool p) {
        List<FrontierUpdate> updates = new ArrayList<>();
        build(p, updates);
        long version = 0;
        for (FrontierUpdate u : updates) {
            boolean changed = !u.newSeeds().isEmpty() || !u.tiedSeeds().isEmpty();
            assertThat(u.changed()).isEqualTo(changed);
            version += changed ? 1 : 0;
            assertThat(u.version()).isEqualTo(version);
        }
    }

    @ParameterizedTest
    @MethodSource("pools")
    void wins_and_new_seeds_agree_with_the_holder_sets(Pool p) {
        List<FrontierUpdate> updates = new ArrayList<>();
        ParetoFrontier f = build(p, updates);
        for (int i = 0; i < p.candidates().size(); i++) {
            String id = p.candidates().get(i).id();
            long held = p.examples().stream().filter(e -> f.holders(e).contains(id)).count();
            assertThat(f.wins(id)).isEqualTo((int) held);
            assertThat(f.newSeeds(id)).isEqualTo(updates.get(i).newSeeds().size());
        }
        int covered = updates.stream().mapToInt(u -> u.newlyCovered().size()).sum();
        assertThat(covered).isEqualTo(f.coverage().covered());
    }
}
