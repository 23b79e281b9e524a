package dev.gepa4j.core.engine;

import dev.gepa4j.core.frontier.Coverage;
import dev.gepa4j.core.model.Candidate;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.rollout.Stage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What happened in a run, as listeners receive it. Every persistent event is also written to the workspace as an
 * {@code EventRecord} with {@link #type()}, {@link #message()} and {@link #fields()} (numbers as text, lists comma
 * separated, absent scores as the empty string).
 */
public sealed interface RunEvent {

    /** Dotted type name, stable for scripts: e.g. {@code candidate.accepted}. */
    String type();

    /** One line for people. */
    String message();

    /** The event's values as text. */
    Map<String, String> fields();

    /** False for high-rate progress events that go to listeners only, not to the workspace. */
    default boolean persistent() {
        return true;
    }

    record RunStarted(String runId, String seedCandidateId, int trainSize, int heldoutSize, long rolloutBudget,
                      String mode) implements RunEvent {
        public String type() { return "run.started"; }
        public String message() {
            return "run " + runId + " started (" + mode + "): seed " + seedCandidateId + ", " + trainSize + " train / "
                    + heldoutSize + " heldout examples, budget " + rolloutBudget + " rollouts";
        }
        public Map<String, String> fields() {
            return map("run_id", runId, "seed_candidate", seedCandidateId, "train", trainSize, "heldout", heldoutSize,
                    "budget", rolloutBudget, "mode", mode);
        }
    }

    record CandidateRegistered(Candidate candidate, Double trainMean) implements RunEvent {
        public String type() { return "candidate.registered"; }
        public String message() {
            return "candidate #" + candidate.index() + " " + candidate.id() + " (" + candidate.origin() + ") train "
                    + score(trainMean);
        }
        public Map<String, String> fields() {
            return map("candidate", candidate.id(), "index", candidate.index(), "parents",
                    String.join(",", candidate.parentIds()), "origin", candidate.origin(), "train", score(trainMean));
        }
    }

    /**
     * A candidate's results on a proposal's minibatch (role parent, child, or rebased_child for a child the rebase
     * staleness policy moved onto the best) or merge sample (role merge_child).
     */
    record MinibatchEvaluated(int seq, String candidateId, String role, List<String> exampleIds, double sum,
                              int measured) implements RunEvent {
        public MinibatchEvaluated {
            exampleIds = List.copyOf(exampleIds);
        }
        public String type() { return "minibatch.evaluated"; }
        public String message() {
            return "proposal " + seq + ": " + role + " " + candidateId + " scored " + score(sum) + " on " + measured
                    + " of " + exampleIds.size() + " examples";
        }
        public Map<String, String> fields() {
            return map("seq", seq, "candidate", candidateId, "role", role, "examples", String.join(",", exampleIds),
                    "sum", score(sum), "measured", measured, "size", exampleIds.size());
        }
    }

    record ProposalRecorded(int seq, String proposer, List<String> parentIds, int drafts, String error)
            implements RunEvent {
        public ProposalRecorded {
            parentIds = List.copyOf(parentIds);
        }
        public String type() { return "proposal.recorded"; }
        public String message() {
            return "proposal " + seq + " by " + proposer + " from " + String.join("+", parentIds) + ": "
                    + (error == null ? drafts + " draft(s)" : "no draft (" + error + ")");
        }
        public Map<String, String> fields() {
            return map("seq", seq, "proposer", proposer, "parents", String.join(",", parentIds), "drafts", drafts,
                    "error", error == null ? "" : error);
        }
    }

    record MergeAttempted(int seq, String parentA, String parentB, String ancestor) implements RunEvent {
        public String type() { return "merge.attempted"; }
        public String message() {
            return "proposal " + seq + ": merging " + parentA + " and " + parentB + " via " + ancestor;
        }
        public Map<String, String> fields() {
            return map("seq", seq, "parent_a", parentA, "parent_b", parentB, "ancestor", ancestor);
        }
    }

    record CandidateAccepted(int seq, String candidateId, int index, String parentId, double trainMean, String reason)
            implements RunEvent {
        public String type() { return "candidate.accepted"; }
        public String message() {
            return "proposal " + seq + ": accepted " + candidateId + " as #" + index + ", train " + score(trainMean)
                    + " (" + reason + ")";
        }
        public Map<String, String> fields() {
            return map("seq", seq, "candidate", candidateId, "index", index, "parent", parentId, "train",
                    score(trainMean), "reason", reason);
        }
    }

    /** Scores are sums over the compared examples; {@code childMeasured} of {@code size} child rollouts ran. */
    record CandidateRejected(int seq, String candidateId, String parentId, String stage, String reason,
                             Double parentScore, Double childScore, int childMeasured, int size) implements RunEvent {
        public String type() { return "candidate.rejected"; }
        public String message() {
            return "proposal " + seq + ": rejected " + candidateId + " at " + stage + ": " + reason;
        }
        public Map<String, String> fields() {
            return map("seq", seq, "candidate", candidateId, "parent", parentId, "stage", stage, "reason", reason,
                    "parent_score", score(parentScore), "child_score", score(childScore), "child_measured",
                    childMeasured, "size", size);
        }
    }

    record DuplicateSkipped(int seq, String candidateId, int existingIndex) implements RunEvent {
        public String type() { return "candidate.duplicate_skipped"; }
        public String message() {
            return "proposal " + seq + ": draft " + candidateId + " is candidate #" + existingIndex + " already; skipped";
        }
        public Map<String, String> fields() {
            return map("seq", seq, "candidate", candidateId, "existing_index", existingIndex);
        }
    }

    record ProposalFailed(int seq, String reason) implements RunEvent {
        public String type() { return "proposal.failed"; }
        public String message() { return "proposal " + seq + " gave no usable draft: " + reason; }
        public Map<String, String> fields() { return map("seq", seq, "reason", reason); }
    }

    record IterationSkipped(String parentId, String reason) implements RunEvent {
        public String type() { return "iteration.skipped"; }
        public String message() { return "skipped parent " + parentId + ": " + reason; }
        public Map<String, String> fields() { return map("parent", parentId, "reason", reason); }
    }

    record IterationFailed(int seq, String error, boolean continuing) implements RunEvent {
        public String type() { return "iteration.failed"; }
        public String message() {
            return "iteration" + (seq > 0 ? " of proposal " + seq : "") + " failed: " + error
                    + (continuing ? " (continuing)" : " (stopping: nothing new was measured)");
        }
        public Map<String, String> fields() {
            return map("seq", seq, "error", error, "continuing", continuing);
        }
    }

    record FrontierUpdated(String candidateId, long version, int newSeeds, Coverage coverage, int members)
            implements RunEvent {
        public String type() { return "frontier.updated"; }
        public String message() {
            return "frontier v" + version + ": " + candidateId + " +" + newSeeds + " seeds, coverage " + coverage + ", "
                    + members + " members";
        }
        public Map<String, String> fields() {
            return map("candidate", candidateId, "version", version, "new_seeds", newSeeds, "coverage",
                    coverage.toString(), "covered", coverage.covered(), "total", coverage.total(), "members", members);
        }
    }

    record HeldoutEvaluated(String candidateId, Double mean, int measured, int size) implements RunEvent {
        public String type() { return "heldout.evaluated"; }
        public String message() {
            return "heldout: " + candidateId + " scored " + score(mean) + " on " + measured + " of " + size + " examples";
        }
        public Map<String, String> fields() {
            return map("candidate", candidateId, "heldout", score(mean), "measured", measured, "size", size);
        }
    }

    /**
     * The seed and the final pick on the test split, after the loop: reported only. {@code comparison} is null when
     * no row was measured for both.
     */
    record TestEvaluated(String seedCandidateId, String bestCandidateId, int size,
                         dev.gepa4j.core.stats.PairedLift comparison) implements RunEvent {
        public String type() { return "test.evaluated"; }
        public String message() {
            if (comparison == null) {
                return "test: no row of " + size + " was measured for both the seed and the best";
            }
            return String.format(Locale.ROOT, "test: seed %s %.4f -> best %s %.4f, lift %+.4f [%+.4f, %+.4f], %s "
                            + "(%s), %d of %d rows", seedCandidateId, comparison.seedMean(), bestCandidateId,
                    comparison.bestMean(), comparison.lift(), comparison.ciLow(), comparison.ciHigh(),
                    TestResult.pValueText(comparison.pValue()), comparison.method(), comparison.n(), size);
        }
        public Map<String, String> fields() {
            if (comparison == null) {
                return map("seed", seedCandidateId, "best", bestCandidateId, "size", size, "n", 0);
            }
            return map("seed", seedCandidateId, "best", bestCandidateId, "size", size, "n", comparison.n(),
                    "seed_mean", score(comparison.seedMean()), "best_mean", score(comparison.bestMean()),
                    "lift", score(comparison.lift()), "ci_low", score(comparison.ciLow()),
                    "ci_high", score(comparison.ciHigh()), "p_value", comparison.pValue(),
                    "method", comparison.method());
        }
    }

    record UsageRecorded(String source, String ref, Usage usage) implements RunEvent {
        public String type() { return "usage"; }
        public String message() {
            return source + " usage for " + ref + ": " + usage.totalTokens() + " tokens, $"
                    + String.format(Locale.ROOT, "%.4f", usage.costUsd());
        }
        public Map<String, String> fields() {
            return map("source", source, "ref", ref, "prompt_tokens", usage.promptTokens(), "completion_tokens",
                    usage.completionTokens(), "total_tokens", usage.totalTokens(), "cost_usd", usage.costUsd());
        }
    }

    /** After every batch, for progress bars; not written to the workspace. */
    record RolloutsFinished(Stage stage, int jobs, int executed, int cached, long committed, long limit)
            implements RunEvent {
        public String type() { return "rollouts.finished"; }
        public String message() {
            return stage.label() + ": " + jobs + " jobs, " + executed + " executed, " + cached + " cached; budget "
                    + committed + "/" + limit;
        }
        public Map<String, String> fields() {
            return map("stage", stage.label(), "jobs", jobs, "executed", executed, "cached", cached, "committed",
                    committed, "limit", limit);
        }
        public boolean persistent() { return false; }
    }

    record RunStopped(String reason, String bestCandidateId, Double bestTrainMean, Double bestHeldoutMean)
            implements RunEvent {
        public String type() { return "run.stopped"; }
        public String message() {
            return "run stopped (" + reason + "): best " + bestCandidateId + ", train " + score(bestTrainMean)
                    + ", heldout " + score(bestHeldoutMean);
        }
        public Map<String, String> fields() {
            return map("reason", reason, "best", bestCandidateId, "train", score(bestTrainMean), "heldout",
                    score(bestHeldoutMean));
        }
    }

    private static String score(Double v) {
        return v == null ? "" : String.format(Locale.ROOT, "%.4f", v);
    }

    private static Map<String, String> map(Object... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], String.valueOf(kv[i + 1]));
        }
        return m;
    }
}
