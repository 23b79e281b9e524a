package dev.gepa4j.testkit.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.propose.FailureCase;
import dev.gepa4j.core.propose.ProposalOutcome;
import dev.gepa4j.core.propose.ProposalPacket;
import dev.gepa4j.sdk.ExampleRow;
import dev.gepa4j.sdk.RolloutCall;
import dev.gepa4j.sdk.RolloutOutcome;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SyntheticTaskTest {
    private final SyntheticTask task = new SyntheticTask(SyntheticOptions.defaults());

    private RolloutOutcome roll(Map<String, String> candidate, long seed) throws Exception {
        ExampleRow row = task.rows("train", List.of(seed)).get(0);
        return task.rollout(new RolloutCall("r-" + seed + candidate.hashCode(), "run", "c", candidate, row,
                PolicySpec.of("embedded", "t")));
    }

    @Test
    void the_seed_scores_zero_and_the_feedback_names_each_missing_skill() throws Exception {
        RolloutOutcome out = roll(SyntheticTask.SEED_CANDIDATE, 3);
        assertThat(out.reward()).isZero();
        assertThat(Skill.parseAll(out.verifier().feedback())).isEqualTo(task.required("train", 3));
    }

    @Test
    void adding_one_of_two_skills_earns_half_and_both_earn_one() throws Exception {
        List<Skill> need = task.required("train", 5);
        Map<String, String> c = new HashMap<>(SyntheticTask.SEED_CANDIDATE);
        c.merge(need.get(0).field(), " " + need.get(0).keyword(), String::concat);
        assertThat(roll(c, 5).reward()).isEqualTo(0.5);
        c.merge(need.get(1).field(), " " + need.get(1).keyword().toUpperCase(), String::concat);
        RolloutOutcome both = roll(c, 5);
        assertThat(both.reward()).isEqualTo(1.0);
        assertThat(both.verifier().passed()).isTrue();
    }

    @Test
    void the_same_data_seed_draws_the_same_data_set_and_another_seed_a_different_one() {
        SyntheticTask again = new SyntheticTask(SyntheticOptions.defaults());
        SyntheticTask other = new SyntheticTask(new SyntheticOptions(16, 8, 2, 8, 0));
        List<Long> seeds = List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L);
        assertThat(again.rows("train", seeds)).isEqualTo(task.rows("train", seeds));
        assertThat(other.rows("train", seeds)).isNotEqualTo(task.rows("train", seeds));
    }

    @Test
    void the_tally_counts_each_execution_by_rollout_id_and_by_candidate_and_example() throws Exception {
        roll(SyntheticTask.SEED_CANDIDATE, 1);
        roll(SyntheticTask.SEED_CANDIDATE, 2);
        assertThat(task.tally().executions()).isEqualTo(2);
        assertThat(task.tally().distinctRolloutIds()).isEqualTo(2);
        assertThat(task.tally().byCandidateAndExample()).hasSize(2).allSatisfy((k, n) -> assertThat(n).isEqualTo(1));
    }

    @Test
    void the_proposer_adds_a_named_missing_skill_to_the_field_it_may_update_the_most_named_most_often() {
        Candidate parent = Candidate.of(0, SyntheticTask.SEED_CANDIDATE, List.of(), "seed");
        List<FailureCase> failures = List.of(
                failure("missing 2 of 2 required skills: [format:json] [instructions:units]"),
                failure("missing 2 of 2 required skills: [instructions:cite] [format:table]"),
                failure("missing 1 of 2 required skills: [format:table]; present: instructions:cite"));
        SyntheticProposer proposer = new SyntheticProposer(0, 0, 0);
        Map<String, Integer> added = new HashMap<>();
        for (long seed = 0; seed < 300; seed++) {
            ProposalOutcome out = proposer.propose(packet(parent, List.of("format"), failures, seed));
            assertThat(out.error()).isNull();
            assertThat(out.drafts().get(0)).containsEntry("instructions", "Answer the request.");
            added.merge(out.drafts().get(0).get("format"), 1, Integer::sum);
        }
        assertThat(added).containsOnlyKeys("Reply in plain text. table", "Reply in plain text. json");
        assertThat(added.get("Reply in plain text. table")).as("named twice, so about two in three")
                .isBetween(160, 240);
        ProposalOutcome nothing = proposer.propose(packet(parent, List.of("format"),
                List.of(failure("missing 1 of 1 required skills: [instructions:units]")), 1));
        assertThat(nothing.drafts()).isEmpty();
        assertThat(nothing.error()).contains("no failure names a missing skill");
    }

    @Test
    void the_proposer_answers_the_same_packet_the_same_way_and_sometimes_makes_a_bad_edit() {
        Candidate parent = Candidate.of(0, Map.of("instructions", "Answer cite units.", "format", "Reply json."),
                List.of(), "seed");
        List<FailureCase> failures = List.of(failure("missing 1 of 2 required skills: [instructions:steps]"));
        SyntheticProposer proposer = new SyntheticProposer(0.3, 0.3, 0);
        int good = 0;
        for (long seed = 0; seed < 60; seed++) {
            ProposalPacket p = packet(parent, List.of("instructions"), failures, seed);
            Map<String, String> draft = proposer.propose(p).drafts().get(0);
            assertThat(proposer.propose(p).drafts().get(0)).isEqualTo(draft);
            good += draft.get("instructions").equals("Answer cite units. steps") ? 1 : 0;
        }
        assertThat(good).isBetween(10, 50);
    }

    private static FailureCase failure(String feedback) {
        return new FailureCase("train:0", "in", "out", 0, new VerifierResult(false, 0.0, feedback), "");
    }

    private static ProposalPacket packet(Candidate parent, List<String> fields, List<FailureCase> failures, long seed) {
        return new ProposalPacket(1, parent, fields, List.of("format", "instructions"), failures, List.of(), Map.of(),
                0.0, 0.0, "", "", "", List.of(), 1, seed, null);
    }
}
