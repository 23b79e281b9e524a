package dev.gepa4j.runtime.evidence;

import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import dev.gepa4j.core.rollout.RolloutCacheKey;
import dev.gepa4j.core.rollout.Stage;
import dev.gepa4j.core.workspace.DecisionRecord;
import dev.gepa4j.core.workspace.EventRecord;
import dev.gepa4j.core.workspace.ProposalRecord;
import dev.gepa4j.core.workspace.RunRecorder;
import dev.gepa4j.core.workspace.RunSpec;
import dev.gepa4j.core.workspace.RunStatus;
import dev.gepa4j.core.workspace.UsageEntry;
import dev.gepa4j.core.workspace.Workspace;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A small but realistic run written through a real {@link RunRecorder}, one step at a time: a seed on 6 train and 3
 * heldout examples; child A accepted (gate, full train, heldout); child B rejected at the gate, whose prompt holds a
 * script tag and one of whose rollouts failed; child C accepted, with an ERROR rollout retried to success, and a
 * retried rollout. Steps run in order; a live test runs them slowly while a browser watches.
 */

public final class SampleRun {
    public static final String SCRIPT_PROMPT = "Classify the banking query. <script>alert(1)</script> Answer with the intent.";
    public static final PolicySpec POLICY = PolicySpec.of("embedded", "all-minilm-l6-v2-q");
    /** The run spec as the CLI stores it (JSON, sections named like gepa.toml's tables). */
    public static final String CONFIG = """
            {"spec_version": 1, "run": {"run_id": "run-1", "seed": 7, "mode": "serial"},
             "policy": {"provider": "embedded", "model": "all-minilm-l6-v2-q"},
             "proposer": {"kind": "offline"}, "gepa": {"max_rollouts": 200}}
            """;

    public static final Candidate SEED = Candidate.of(0, Map.of("instructions", "Classify the banking query.\nAnswer with the intent."),
            List.of(), "seed");
    public static final Candidate A = Candidate.of(1, Map.of("instructions",
            "Classify the banking query.\nCard questions are card_arrival.\nAnswer with the intent."),
            List.of(SEED.id()), "mutation:offline");
    public static final Candidate B = Candidate.of(2, Map.of("instructions", SCRIPT_PROMPT), List.of(A.id()), "mutation:offline");
    public static final Candidate C = Candidate.of(3, Map.of("instructions",
            "Classify the banking query.\nCard questions are card_arrival.\nTop-ups are top_up_failed.\nAnswer with the intent."),
            List.of(A.id()), "mutation:offline");

    private final List<Consumer<RunRecorder>> steps = new ArrayList<>();
    private int events;
    private int rollouts;

    public SampleRun(boolean finish) {
        steps.add(r -> {
            event(r, "run.started", "run started", Map.of());
            r.registerCandidate(SEED);
            event(r, "candidate.registered", "seed registered", Map.of("candidate_id", SEED.id()));
        });
        int[] seedTrain = {1, 0, 0, 1, 0, 0};
        for (int e = 0; e < 6; e++) {
            int ex = e;
            steps.add(r -> rollout(r, Stage.SEED_TRAIN, SEED, train(ex), seedTrain[ex], false, 1, RolloutStatus.OK));
        }
        steps.add(r -> event(r, "frontier.updated", "frontier +2 seeds", Map.of("covered", "2")));
        int[] seedHeldout = {0, 1, 0};
        for (int e = 0; e < 3; e++) {
            int ex = e;
            steps.add(r -> rollout(r, Stage.HELDOUT, SEED, heldout(ex), seedHeldout[ex], false, 1, RolloutStatus.OK));
        }
        // child A: gate on {1,2,3}, accepted, full train, heldout
        steps.add(r -> {
            proposal(r, 1, SEED, A);
            r.registerCandidate(A);
            event(r, "candidate.registered", "A registered", Map.of("candidate_id", A.id()));
            for (int ex : new int[] {1, 2, 3}) {
                rollout(r, Stage.PARENT_MINIBATCH, SEED, train(ex), seedTrain[ex], true, 0, RolloutStatus.OK);
            }
        });
        int[] aTrain = {1, 1, 0, 1, 0, 0};
        steps.add(r -> {
            for (int ex : new int[] {1, 2, 3}) {
                rollout(r, Stage.CHILD_MINIBATCH, A, train(ex), aTrain[ex], false, 1, RolloutStatus.OK);
            }
            decide(r, 1, A, SEED, true, 1.0 / 3, 2.0 / 3);
            event(r, "candidate.accepted", "A accepted", Map.of("candidate_id", A.id()));
        });
        for (int e = 0; e < 6; e++) {
            int ex = e;
            steps.add(r -> rollout(r, Stage.FULL_TRAIN, A, train(ex), aTrain[ex], ex >= 1 && ex <= 3, 1, RolloutStatus.OK));
        }
        int[] aHeldout = {1, 1, 0};
        steps.add(r -> {
            for (int ex = 0; ex < 3; ex++) {
                rollout(r, Stage.HELDOUT, A, heldout(ex), aHeldout[ex], false, 1, RolloutStatus.OK);
            }
            event(r, "frontier.updated", "frontier +1 seeds", Map.of("covered", "3"));
        });
        // child B: rejected at the gate on {0,4,5}; one rollout failed inside the container
        steps.add(r -> {
            proposal(r, 2, A, B);
            r.registerCandidate(B);
            event(r, "candidate.registered", "B registered", Map.of("candidate_id", B.id()));
            rollout(r, Stage.CHILD_MINIBATCH, B, train(0), 0, false, 1, RolloutStatus.OK);
            rollout(r, Stage.CHILD_MINIBATCH, B, train(4), 0, false, 1, RolloutStatus.FAILED);
            rollout(r, Stage.CHILD_MINIBATCH, B, train(5), 0, false, 1, RolloutStatus.OK);
            decide(r, 2, B, A, false, 1.0 / 3, 0.0);
            event(r, "candidate.rejected", "B rejected", Map.of("candidate_id", B.id()));
        });
        // child C: accepted; an ERROR on train 4 (never scores) then a retried success
        int[] cTrain = {0, 1, 1, 1, 0, 1};
        steps.add(r -> {
            proposal(r, 3, A, C);
            r.registerCandidate(C);
            for (int ex : new int[] {2, 4, 5}) {
                rollout(r, Stage.CHILD_MINIBATCH, C, train(ex), cTrain[ex], false, 1, RolloutStatus.OK);
            }
            decide(r, 3, C, A, true, 0.0, 2.0 / 3);
            event(r, "candidate.accepted", "C accepted", Map.of("candidate_id", C.id()));
        });
        for (int e = 0; e < 6; e++) {
            int ex = e;
            steps.add(r -> {
                if (ex == 4) {
                    rollout(r, Stage.FULL_TRAIN, C, train(ex), 0, false, 3, RolloutStatus.ERROR);
                }
                boolean cached = ex == 2 || ex == 4 || ex == 5;
                rollout(r, Stage.FULL_TRAIN, C, train(ex), cTrain[ex], cached && ex != 4, ex == 4 ? 2 : 1,
                        RolloutStatus.OK);
            });
        }
        int[] cHeldout = {1, 0, 1};
        steps.add(r -> {
            for (int ex = 0; ex < 3; ex++) {
                rollout(r, Stage.HELDOUT, C, heldout(ex), cHeldout[ex], false, 1, RolloutStatus.OK);
            }
            event(r, "heldout.evaluated", "heldout done", Map.of());
        });
        if (finish) {
            steps.add(r -> {
                event(r, "run.stopped", "budget spent", Map.of("reason", "budget"));
                r.finish(RunStatus.FINISHED, "rollout budget spent");
            });
        }
    }

    public static RunSpec spec(String runId) {
        return new RunSpec(runId, "banking77", CONFIG, 7, "serial", 200);
    }

    /** Starts the run in the workspace and writes every step. */
    public static RunRecorder writeAll(Workspace workspace, String runId) {
        RunRecorder recorder = workspace.startRun(spec(runId));
        new SampleRun(true).steps().forEach(s -> s.accept(recorder));
        return recorder;
    }

    public List<Consumer<RunRecorder>> steps() {
        return steps;
    }

    public static ExampleRef train(int i) {
        return new ExampleRef(Split.TRAIN, i, "train:" + i);
    }

    public static ExampleRef heldout(int i) {
        return new ExampleRef(Split.HELDOUT, 100 + i, "heldout:" + i);
    }

    private void rollout(RunRecorder r, Stage stage, Candidate c, ExampleRef ex, double reward, boolean cached,
                         int attempts, RolloutStatus status) {
        rollouts++;
        boolean ok = reward > 0;
        String output = status == RolloutStatus.OK ? (ok ? "card_arrival" : "<b>lost_or_stolen_card</b>") : "";
        var verifier = status == RolloutStatus.ERROR ? VerifierResult.NONE
                : new VerifierResult(ok, reward, ok ? "correct intent" : "expected card_arrival, got " + output);
        Usage usage = cached || status == RolloutStatus.ERROR ? Usage.ZERO : Usage.of(120, 8, 0.0001);
        String error = switch (status) {
            case OK -> null;
            case FAILED -> "policy output did not parse";
            case ERROR -> "HTTP 503 after 3 attempts";
        };
        r.append(stage, RolloutCacheKey.of(c.components(), ex.exampleId(), ex.split(), POLICY),
                new RolloutResult("r" + rollouts, c.id(), ex, status, reward, output, verifier,
                        "{\"event_history\":[{\"type\":\"policy.call\",\"n\":" + rollouts + "}]}", usage,
                        cached ? 0 : 40, cached ? 0 : attempts, cached ? "cache" : "http://127.0.0.1:9", cached, error));
        if (!usage.equals(Usage.ZERO)) {
            r.recordUsage(new UsageEntry("policy", POLICY.model(), "r" + rollouts, usage));
        }
    }

    private void proposal(RunRecorder r, int seq, Candidate parent, Candidate child) {
        Usage usage = Usage.of(900, 150, 0.002);
        r.recordProposal(new ProposalRecord(seq, "offline", List.of(parent.id()), "failures of " + parent.id(),
                child.components().get("instructions"), List.of(child.components()), usage, null));
        r.recordUsage(new UsageEntry("proposer", "offline", "proposal " + seq, usage));
    }

    private void decide(RunRecorder r, int seq, Candidate child, Candidate parent, boolean accepted, double parentScore,
                        double childScore) {
        r.recordDecision(new DecisionRecord(seq, child.id(), parent.id(), "minibatch", accepted,
                accepted ? "child beat parent on the minibatch" : "child did not beat parent", parentScore,
                childScore, Instant.now()));
    }

    private void event(RunRecorder r, String type, String message, Map<String, String> fields) {
        events++;
        r.recordEvent(new EventRecord(events, Instant.now(), type, message, fields));
    }
}
