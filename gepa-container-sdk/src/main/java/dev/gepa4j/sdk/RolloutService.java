package dev.gepa4j.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ModuleFeedback;
import dev.gepa4j.contract.RolloutMapping;
import dev.gepa4j.contract.wire.RolloutRequestDoc;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.contract.wire.UsageDoc;
import dev.gepa4j.contract.wire.VerifierDoc;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

/** {@code POST /rollout}: validation, idempotency, the handler call, and the response document. */
final class RolloutService {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final TaskHandler handler;
    private final ProgramSpec program;
    private final Set<String> mutableFields;
    private final Set<String> fixedFields;
    private final RolloutMemory memory;

    RolloutService(TaskHandler handler, ProgramSpec program, int rememberedRollouts) {
        this.handler = handler;
        this.program = program;
        this.mutableFields = program.mutableFields();
        this.fixedFields = new TreeSet<>();
        for (ProgramModule m : program.modules()) {
            if (!m.mutable()) {
                fixedFields.add(m.candidateField() != null ? m.candidateField() : m.moduleId());
            }
        }
        this.memory = new RolloutMemory(rememberedRollouts);
    }

    /** The response body for a request body; throws {@link ClientMistake} for a request it refuses. */
    byte[] handle(byte[] body) throws InterruptedException {
        return handle(body, null);
    }

    /**
     * As {@link #handle(byte[])}; a request naming no rollout_id gets {@code assignedId} (a fresh id when null).
     */
    byte[] handle(byte[] body, String assignedId) throws InterruptedException {
        Checked checked = check(body);
        RolloutRequestDoc doc = checked.doc();
        String rolloutId = doc.rolloutId() == null || doc.rolloutId().isBlank()
                ? (assignedId != null ? assignedId : "rollout_" + UUID.randomUUID()) : doc.rolloutId();
        RolloutMemory.Claim claim = memory.claim(rolloutId);
        if (!claim.first()) {
            return await(claim);
        }
        try {
            Map<String, String> candidate = new HashMap<>(program.seedCandidate());
            candidate.putAll(doc.candidate());
            RolloutCall call = new RolloutCall(rolloutId, doc.runId(), doc.candidateId(), candidate, checked.row(),
                    RolloutMapping.toPolicySpec(doc.policy()));
            byte[] answer = ContractCodec.write(respond(call, doc));
            claim.answer().complete(answer);
            return answer;
        } catch (RuntimeException | Error e) {
            memory.forget(rolloutId);
            claim.answer().completeExceptionally(e);
            throw e;
        }
    }

    /** A request that passed every check, with the example it names. */
    private record Checked(RolloutRequestDoc doc, ExampleRow row) {
    }

    /**
     * Checks a request without running it (for async submission: refusals are answered before the 202); returns
     * its rollout_id, or null when it names none.
     */
    String validate(byte[] body) {
        String id = check(body).doc().rolloutId();
        return id == null || id.isBlank() ? null : id;
    }

    /** Whether the body asks for async submission ({@code submission_mode: "async"}). */
    static boolean asksAsync(byte[] body) {
        RolloutRequestDoc doc = RequestBodies.read(body, RolloutRequestDoc.class, "/rollout");
        JsonNode mode = doc.extra().get("submission_mode");
        return mode != null && mode.isTextual() && mode.asText().equalsIgnoreCase("async");
    }

    private Checked check(byte[] body) {
        RolloutRequestDoc doc = RequestBodies.read(body, RolloutRequestDoc.class, "/rollout");
        if (doc.seed() == null) {
            throw new ClientMistake(400, "missing_seed", "/rollout: 'seed' is missing: send the integer seed of "
                    + "the example, as /dataset/rows lists it");
        }
        if (doc.candidate() == null) {
            throw new ClientMistake(400, "missing_candidate", "/rollout: 'candidate' is missing: send an object "
                    + "of candidate_field to text, with fields from " + mutableFields);
        }
        checkCandidateFields(doc.candidate());
        return new Checked(doc, lookUp(splitOf(doc), doc.seed()));
    }

    private RolloutResponseDoc respond(RolloutCall call, RolloutRequestDoc doc) {
        RolloutOutcome outcome;
        String error = null;
        try {
            outcome = handler.rollout(call);
            if (outcome == null) {
                throw new IllegalStateException("the task handler returned no outcome");
            }
        } catch (Exception e) {
            // the example failed inside the container: that is data for reflection, not a server error
            error = e.getClass().getSimpleName() + ": " + e.getMessage();
            outcome = RolloutOutcome.of(0.0, "", null);
        }
        ObjectNode details = NODES.objectNode();
        outcome.details().forEach(details::put);
        if (!outcome.verifier().feedbackByModule().isEmpty()) {
            details.set(ModuleFeedback.KEY, ModuleFeedback.write(outcome.verifier().feedbackByModule()));
        }
        ObjectNode rewardInfo = NODES.objectNode().put("outcome_reward", outcome.reward());
        rewardInfo.set("details", details);
        ObjectNode summary = NODES.objectNode().put("outcome_reward", outcome.reward()).put("prediction",
                outcome.output());
        ObjectNode trace = NODES.objectNode();
        ArrayNode events = trace.putArray("event_history");
        for (TraceEvent ev : outcome.trace()) {
            ObjectNode event = events.addObject().put("type", ev.type()).put("text", ev.text());
            if (ev.moduleId() != null) {
                event.put("module_id", ev.moduleId());
            }
        }
        if (error != null) {
            events.addObject().put("type", "error").put("text", error);
            trace.put("error", error);
        }
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        extra.put("seed", NODES.numberNode(call.row().seed()));
        extra.put("split", NODES.textNode(call.row().split()));
        extra.put("example_id", NODES.textNode(call.row().exampleId()));
        if (doc.candidateId() != null) {
            extra.put("candidate_id", NODES.textNode(doc.candidateId()));
        }
        var usage = outcome.usage();
        var verifier = outcome.verifier();
        VerifierDoc verifierDoc = verifier.passed() == null && verifier.score() == null && verifier.feedback() == null
                ? null : new VerifierDoc(verifier.passed(), verifier.score(), verifier.feedback(), null);
        return new RolloutResponseDoc(call.rolloutId(), error == null ? "completed" : "failed", rewardInfo, summary,
                new UsageDoc(usage.promptTokens(), usage.completionTokens(), usage.totalTokens(), usage.costUsd(),
                        null),
                trace, verifierDoc, null, extra);
    }

    private void checkCandidateFields(Map<String, String> candidate) {
        for (Map.Entry<String, String> e : candidate.entrySet()) {
            if (fixedFields.contains(e.getKey()) && !mutableFields.contains(e.getKey())) {
                throw new ClientMistake(422, "non_mutable_field", "/rollout: candidate field '" + e.getKey()
                        + "' belongs to a module /program marks mutable=false; send only " + mutableFields);
            }
            if (!mutableFields.contains(e.getKey())) {
                throw new ClientMistake(422, "unknown_candidate_field", "/rollout: candidate field '" + e.getKey()
                        + "' is not in /program; the mutable fields are " + mutableFields);
            }
            if (e.getValue() == null) {
                throw new ClientMistake(400, "wrong_type", "/rollout: candidate field '" + e.getKey()
                        + "' is null: send its text as a string");
            }
        }
    }

    private static String splitOf(RolloutRequestDoc doc) {
        if (doc.split() != null && !doc.split().isBlank()) {
            return doc.split();
        }
        JsonNode row = doc.datasetRow();
        if (row != null && row.isObject() && row.hasNonNull("split") && row.get("split").isTextual()) {
            return row.get("split").asText();
        }
        return "train";
    }

    private ExampleRow lookUp(String split, long seed) {
        List<ExampleRow> rows;
        try {
            rows = handler.rows(split, List.of(seed));
        } catch (IllegalArgumentException e) {
            throw new ClientMistake(400, "unknown_example", "/rollout: " + e.getMessage());
        }
        if (rows.size() != 1) {
            throw new IllegalStateException("the task handler returned " + rows.size() + " rows for one seed");
        }
        return rows.get(0);
    }

    private static byte[] await(RolloutMemory.Claim claim) throws InterruptedException {
        try {
            return claim.answer().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the first attempt of this rollout_id failed: retry it",
                    e.getCause());
        }
    }
}
