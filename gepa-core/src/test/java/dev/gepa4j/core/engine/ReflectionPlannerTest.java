package dev.gepa4j.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.rollout.BatchResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReflectionPlannerTest {
    private static final List<String> FIELDS = List.of("format", "instructions");

    private final InMemoryRecorder recorder = new InMemoryRecorder();
    private final LoopParts parts = LoopFixture.parts(new FakeRunner(100, recorder, 5, 0), recorder,
            new KeywordProposer(0), 1);
    private final LoopState state = new LoopState();
    private static final Candidate SEED = Candidate.of(0, LoopFixture.PROGRAM.seedCandidate(), List.of(), "seed");
    private final ReflectionPlanner planner = new ReflectionPlanner(LoopFixture.serial(), parts, state, FIELDS);

    /** A frontier with the seed alone: every parent draw returns it. */
    private void seedOnly() {
        List<RolloutResult> results = parts.train().stream()
                .map(r -> new RolloutResult("r-" + r.ref().exampleId(), SEED.id(), r.ref(), RolloutStatus.OK, 0.5,
                        null, null, null, null, 0, 1, "test", false, null)).toList();
        state.foundFrontier(parts.train().stream().map(r -> r.ref().exampleId()).toList(), SEED,
                new BatchResult(results, results.size(), 0, false), c -> { });
    }

    @Test
    void concurrent_plans_from_the_same_parent_rewrite_different_fields() {
        seedOnly();
        Attempt first = new Attempt();
        Attempt second = new Attempt();
        ReflectionPlanner.Plan a = planner.plan(first);
        ReflectionPlanner.Plan b = planner.plan(second);
        assertThat(b.parent()).isEqualTo(a.parent());
        assertThat(a.toUpdate()).hasSize(1);
        assertThat(b.toUpdate()).hasSize(1).doesNotContainAnyElementsOf(a.toUpdate());
        assertThat(state.busyFields(a.parent().id())).containsExactlyElementsOf(FIELDS);
    }

    @Test
    void a_released_plan_frees_its_field_and_plans_made_one_after_another_cycle_as_round_robin_does() {
        seedOnly();
        Attempt first = new Attempt();
        ReflectionPlanner.Plan a = planner.plan(first);
        planner.release(first);
        assertThat(first.claim).isNull();
        assertThat(state.busyFields(a.parent().id())).isEmpty();
        Attempt second = new Attempt();
        ReflectionPlanner.Plan b = planner.plan(second);
        planner.release(second);
        assertThat(List.of(a.toUpdate().get(0), b.toUpdate().get(0))).containsExactlyElementsOf(FIELDS);
        planner.release(second);
        assertThat(state.busyFields(a.parent().id())).as("releasing twice is harmless").isEmpty();
    }

    @Test
    void in_flight_counts_each_claim_so_one_release_leaves_the_other_claim_busy() {
        InFlight inFlight = new InFlight();
        inFlight.claim("p", List.of("format"));
        inFlight.claim("p", List.of("format", "instructions"));
        assertThat(inFlight.saturated("p", FIELDS)).isTrue();
        inFlight.release("p", List.of("format", "instructions"));
        assertThat(inFlight.busy("p")).containsExactly("format");
        assertThat(inFlight.saturated("p", FIELDS)).isFalse();
        inFlight.release("p", List.of("format"));
        assertThat(inFlight.busy("p")).isEmpty();
    }
}
