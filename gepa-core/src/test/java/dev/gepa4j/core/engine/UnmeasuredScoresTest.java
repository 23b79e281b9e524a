package dev.gepa4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The arithmetic of unmeasured examples: what leaves the comparison, and when too little is left. */
class UnmeasuredScoresTest {
    private static final Candidate A = Candidate.of(0, Map.of("f", "a"), List.of(), "seed");
    private static final Candidate B = Candidate.of(1, Map.of("f", "b"), List.of(A.id()), "mutation");
    private static final Candidate C = Candidate.of(2, Map.of("f", "c"), List.of(A.id()), "mutation");

    @Test
    void heldoutPicksAreComparedOnlyOnExamplesMeasuredForThemAll() {
        List<String> ids = List.of("h0", "h1", "h2", "h3");
        List<RolloutResult> results = new ArrayList<>();
        // h3 fails for every pick (a defect on that row); C also misses h1, so C is not compared at all
        results.addAll(row(A, 1, 0, 1, null));
        results.addAll(row(B, 1, 1, 0, null));
        results.addAll(row(C, 1, null, 1, null));

        HeldoutSelection.Outcome o = HeldoutSelection.outcome(List.of(A, B, C), results, ids);

        assertThat(o.means()).containsEntry(A.id(), 2.0 / 3).containsEntry(B.id(), 2.0 / 3);
        assertThat(o.means().get(C.id())).as("missing h1, measured for the others").isNull();
        assertThat(o.unmeasured()).containsOnlyKeys("h3").containsEntry("h3", "HTTP 500 on h3");
    }

    @Test
    void noMeasurementAtAllLeavesEveryMeanNullAndNamesEveryExample() {
        List<RolloutResult> results = new ArrayList<>(row(A, null, null));
        HeldoutSelection.Outcome o = HeldoutSelection.outcome(List.of(A), results, List.of("h0", "h1"));

        assertThat(o.means()).containsEntry(A.id(), null);
        assertThat(o.unmeasured()).containsOnlyKeys("h0", "h1");
        assertThat(MeasuredTrain.describe("heldout", o.unmeasured(), 2))
                .isEqualTo("2 of 2 heldout examples unmeasured: h0 (HTTP 500 on h0); h1 (HTTP 500 on h1)");
    }

    @Test
    void theSeedNeedsAtLeastHalfOfTrainMeasured() {
        assertThat(MeasuredTrain.enough(10, 20)).isTrue();
        assertThat(MeasuredTrain.enough(9, 20)).isFalse();
        assertThat(MeasuredTrain.enough(3, 5)).isTrue();
        assertThat(MeasuredTrain.enough(2, 5)).isFalse();
        assertThat(MeasuredTrain.enough(1, 1)).isTrue();
        assertThat(MeasuredTrain.enough(0, 1)).isFalse();
    }

    /** One pick's heldout results in order; null rewards are errors. */
    private static List<RolloutResult> row(Candidate c, Integer... rewards) {
        List<RolloutResult> out = new ArrayList<>();
        for (int i = 0; i < rewards.length; i++) {
            ExampleRef ref = new ExampleRef(Split.HELDOUT, i, "h" + i);
            out.add(rewards[i] == null
                    ? new RolloutResult("r", c.id(), ref, RolloutStatus.ERROR, 0, "", null, "{}", null, 0, 4, "c",
                            false, "HTTP 500 on h" + i)
                    : new RolloutResult("r", c.id(), ref, RolloutStatus.OK, rewards[i], "", null, "{}", null, 0, 1,
                            "c", false, null));
        }
        return out;
    }
}
