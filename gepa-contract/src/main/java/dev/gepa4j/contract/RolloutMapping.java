package dev.gepa4j.contract;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.gepa4j.contract.wire.PolicyDoc;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.contract.wire.UsageDoc;
import dev.gepa4j.contract.wire.VerifierDoc;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.RolloutResult;
import dev.gepa4j.core.model.RolloutStatus;
import dev.gepa4j.core.model.Usage;
import dev.gepa4j.core.model.VerifierResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Rollout documents to and from the core records: the hot path, so requests are streamed, not built as trees. */
public final class RolloutMapping {
    private static final Set<String> FAILED_STATUSES = Set.of("failed", "failure", "error", "errored");

    private RolloutMapping() {
    }

    /**
     * The {@code POST /rollout} body for a request. The row is embedded as received from {@code /dataset/rows}
     * (written raw, never re-parsed).
     *
     * @param containerSplit the container's name for the row's split (e.g. {@code test} for heldout)
     */
    public static byte[] writeRequest(RolloutRequest request, String containerSplit) {
        return writeRequest(request, containerSplit, null);
    }

    /**
     * The {@code POST /rollout} body, with {@code submission_mode} when it is not null ({@code "async"} asks for a
     * queued record to poll; the field is left out of sync requests, which every container treats as sync).
     */
    public static byte[] writeRequest(RolloutRequest request, String containerSplit, String submissionMode) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(512 + request.row().rowJson().length());
        try (JsonGenerator g = ContractCodec.mapper().getFactory().createGenerator(out)) {
            g.writeStartObject();
            if (submissionMode != null) {
                g.writeStringField("submission_mode", submissionMode);
            }
            g.writeStringField("rollout_id", request.rolloutId());
            g.writeStringField("run_id", request.runId());
            g.writeStringField("candidate_id", request.candidateId());
            g.writeObjectFieldStart("candidate");
            for (Map.Entry<String, String> e : request.candidate().entrySet()) {
                g.writeStringField(e.getKey(), e.getValue());
            }
            g.writeEndObject();
            g.writeNumberField("seed", request.row().ref().seed());
            g.writeStringField("split", containerSplit);
            g.writeFieldName("dataset_row");
            g.writeRawValue(request.row().rowJson());
            g.writeFieldName("policy");
            ContractCodec.mapper().writeValue(g, toPolicyDoc(request.policy()));
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the rollout request " + request.rolloutId(), e);
        }
        return out.toByteArray();
    }

    /**
     * A rollout response as a core result. A response with status {@code failed} is data: reward 0 unless the
     * container gave one, the error text kept. Any other status needs a reward ({@link RewardRule#require}).
     *
     * @throws ContractViolationException when the reward is missing or not a number in [0,1], or the response
     *                                    names a different rollout_id than the request
     */
    public static RolloutResult toResult(RolloutRequest request, RolloutResponseDoc doc, long latencyMs, int attempts,
                                         String endpoint) {
        if (doc.rolloutId() != null && !doc.rolloutId().equals(request.rolloutId())) {
            throw new ContractViolationException("rollout_id_mismatch", "the response names rollout_id '"
                    + doc.rolloutId() + "' but the request sent '" + request.rolloutId()
                    + "': echo the request's rollout_id");
        }
        boolean failed = isFailed(doc);
        double reward = failed ? RewardRule.find(doc).map(Reward::value).orElse(0.0) : RewardRule.require(doc).value();
        String error = failed ? errorText(doc) : null;
        return new RolloutResult(request.rolloutId(), request.candidateId(), request.row().ref(),
                failed ? RolloutStatus.FAILED : RolloutStatus.OK, reward, output(doc), verifier(doc),
                doc.trace() == null ? "{}" : ContractCodec.writeTree(doc.trace()), usage(doc.usage()), latencyMs, attempts, endpoint,
                false, error);
    }

    public static PolicyDoc toPolicyDoc(PolicySpec policy) {
        Map<String, JsonNode> extra = new LinkedHashMap<>();
        policy.extra().forEach((k, v) -> extra.put(k, TextNode.valueOf(v)));
        return new PolicyDoc(policy.provider(), policy.model(), policy.baseUrl(), policy.maxTokens(), extra);
    }

    /** The policy of a request; extra settings that are not text are kept as JSON text. */
    public static PolicySpec toPolicySpec(PolicyDoc doc) {
        if (doc == null) {
            return PolicySpec.of("unspecified", "unspecified");
        }
        Map<String, String> extra = new LinkedHashMap<>();
        doc.extra().forEach((k, v) -> {
            if (v != null && !v.isNull()) {
                extra.put(k, v.isTextual() ? v.asText() : v.toString());
            }
        });
        return new PolicySpec(doc.provider() == null ? "unspecified" : doc.provider(),
                doc.model() == null ? "unspecified" : doc.model(), doc.baseUrl(), doc.maxTokens(), extra);
    }

    static boolean isFailed(RolloutResponseDoc doc) {
        if (doc.status() != null && FAILED_STATUSES.contains(doc.status().toLowerCase(Locale.ROOT))) {
            return true;
        }
        JsonNode success = doc.extra().get("success_status");
        return success != null && success.isTextual()
                && FAILED_STATUSES.contains(success.asText().toLowerCase(Locale.ROOT));
    }

    private static String errorText(RolloutResponseDoc doc) {
        for (JsonNode holder : new JsonNode[] {doc.trace(), doc.summary()}) {
            if (holder != null && holder.isObject() && holder.hasNonNull("error")) {
                return ContractMapping.text(holder.get("error"));
            }
        }
        JsonNode error = doc.extra().get("error");
        return error != null && !error.isNull() ? ContractMapping.text(error) : "the container reported status failed";
    }

    private static String output(RolloutResponseDoc doc) {
        for (JsonNode holder : new JsonNode[] {doc.summary(), doc.rewardInfo() == null ? null
                : doc.rewardInfo().get("details")}) {
            if (holder != null && holder.isObject()) {
                for (String field : new String[] {"prediction", "output", "answer"}) {
                    if (holder.hasNonNull(field)) {
                        return ContractMapping.text(holder.get(field));
                    }
                }
            }
        }
        JsonNode output = doc.extra().get("output");
        return output == null ? "" : ContractMapping.text(output);
    }

    private static VerifierResult verifier(RolloutResponseDoc response) {
        VerifierDoc doc = response.verifier();
        Map<String, String> byModule = ModuleFeedback.read(response.rewardInfo());
        return doc == null ? new VerifierResult(null, null, null, byModule)
                : new VerifierResult(doc.passed(), doc.score(), doc.feedback(), byModule);
    }

    private static Usage usage(UsageDoc doc) {
        if (doc == null) {
            return Usage.ZERO;
        }
        long prompt = nonNegative(doc.promptTokens());
        long completion = nonNegative(doc.completionTokens());
        long total = doc.totalTokens() == null ? prompt + completion : nonNegative(doc.totalTokens());
        double cost = doc.costUsd() == null || !(doc.costUsd() > 0) ? 0.0 : doc.costUsd();
        return new Usage(prompt, completion, total, cost);
    }

    private static long nonNegative(Long value) {
        return value == null || value < 0 ? 0 : value;
    }
}
