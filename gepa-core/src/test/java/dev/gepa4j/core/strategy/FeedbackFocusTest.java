package dev.gepa4j.core.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.VerifierResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedbackFocusTest {
    private static final List<String> FIELDS = List.of("router", "classifier", "formatter");

    private static RolloutResult result(int seed, double reward, Map<String, String> byModule) {
        return new RolloutResult("r" + seed, "c", new ExampleRef(Split.TRAIN, seed, "train:" + seed),
                RolloutStatus.OK, reward, "", new VerifierResult(reward == 1.0, reward, "overall", byModule), "{}",
                null, 0, 1, "x", false, null);
    }

    @Test
    void aPlannedFieldNobodyBlamedGivesWayToTheMostBlamedField() {
        List<RolloutResult> results = List.of(result(0, 0.0, Map.of("router", "misrouted")),
                result(1, 0.0, Map.of("router", "misrouted", "formatter", "bad json")),
                result(2, 0.0, Map.of("formatter", "bad json", "router", "misrouted")));

        assertThat(FeedbackFocus.refocus(List.of("classifier"), FIELDS, results)).containsExactly("router");
        assertThat(FeedbackFocus.refocus(List.of("classifier", "formatter"), FIELDS, results))
                .as("a plan that names a blamed field stands").containsExactly("classifier", "formatter");
    }

    @Test
    void thePlanStandsWithoutPerFieldFeedbackOrWhenItNamesABlamedField() {
        List<RolloutResult> silent = List.of(result(0, 0.0, Map.of()), result(1, 0.5, Map.of()));
        List<RolloutResult> blamed = List.of(result(0, 0.0, Map.of("classifier", "wrong intent")));

        assertThat(FeedbackFocus.refocus(List.of("classifier"), FIELDS, silent)).containsExactly("classifier");
        assertThat(FeedbackFocus.refocus(List.of("classifier"), FIELDS, blamed)).containsExactly("classifier");
        assertThat(FeedbackFocus.refocus(FIELDS, FIELDS, List.of(result(0, 0.0, Map.of("router", "x")))))
                .as("the all selector is left alone").isEqualTo(FIELDS);
    }

    @Test
    void feedbackOnSolvedExamplesAndOnFieldsOutsideTheProgramIsNotBlame() {
        List<RolloutResult> results = List.of(result(0, 1.0, Map.of("router", "fine")),
                result(1, 0.0, Map.of("judge", "not a field of this program")));

        assertThat(FeedbackFocus.refocus(List.of("classifier"), FIELDS, results)).containsExactly("classifier");
    }

    @Test
    void tiesAreBrokenByTheProgramsFieldOrder() {
        List<RolloutResult> results = List.of(result(0, 0.0, Map.of("formatter", "x")),
                result(1, 0.0, Map.of("router", "y")));

        assertThat(FeedbackFocus.refocus(List.of("classifier"), FIELDS, results)).containsExactly("router");
    }
}
