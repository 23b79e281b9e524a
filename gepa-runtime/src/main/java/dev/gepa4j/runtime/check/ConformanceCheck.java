package dev.gepa4j.runtime.check;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractMapping;
import dev.gepa4j.contract.ContractVersions;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.Reward;
import dev.gepa4j.contract.RewardRule;
import dev.gepa4j.contract.RolloutMapping;
import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsRequest;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.GepaContractDeclaration;
import dev.gepa4j.contract.wire.HealthResponse;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.ProgramResponse;
import dev.gepa4j.contract.wire.RolloutResponseDoc;
import dev.gepa4j.contract.wire.TaskInfoResponse;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Checks a container against the gepa contract, route by route, with real requests: health, the metadata's
 * contract declaration, task info, the program (mutable fields covered by the seed candidate), the data set,
 * rows for several seeds, a real rollout of the container's own seed candidate on the first train and the first
 * heldout example, an idempotent repeat of a rollout_id, and refusal of a body carrying an api_key field.
 *
 * <p>Stops at the first violation. Never throws for a misbehaving container: every problem is a failed check.
 */
public final class ConformanceCheck {
    private final String url;
    private final String apiKey;
    private final String trainSplit;
    private final String heldoutSplit;
    private final Duration timeout;

    /**
     * @param apiKey sent as X-API-Key when not null (never printed)
     */
    public ConformanceCheck(String url, String apiKey, String trainSplit, String heldoutSplit, Duration timeout) {
        String u = url.trim();
        this.url = u.endsWith("/") ? u.substring(0, u.length() - 1) : u;
        this.apiKey = apiKey;
        this.trainSplit = trainSplit;
        this.heldoutSplit = heldoutSplit;
        this.timeout = timeout;
    }

    /** Splits train and test, 30 s per request, no key. */
    public static ConformanceCheck of(String url) {
        return new ConformanceCheck(url, null, "train", "test", Duration.ofSeconds(30));
    }

    public ConformanceReport run() {
        return run(result -> { });
    }

    /** Runs the checks, handing each result to {@code onEach} as soon as it is known. */
    public ConformanceReport run(Consumer<CheckResult> onEach) {
        List<CheckResult> results = new ArrayList<>();
        Consumer<CheckResult> record = r -> {
            results.add(r);
            onEach.accept(r);
        };
        try (CheckHttp http = new CheckHttp(url, apiKey, timeout)) {
            new Steps(http, record).all();
        } catch (CheckFailure stop) {
            // already recorded as the failed check
        } catch (IllegalArgumentException badUrl) {
            record.accept(new CheckResult("URL", false, "'" + url + "' is not a usable URL (" + badUrl.getMessage()
                    + "): pass something like http://127.0.0.1:8080"));
        }
        return new ConformanceReport(url, results);
    }

    /** The checks of one run, in order; each either records a pass or records a failure and throws. */
    private final class Steps {
        private final CheckHttp http;
        private final Consumer<CheckResult> record;
        private String current;
        private DatasetInfo dataset;

        Steps(CheckHttp http, Consumer<CheckResult> record) {
            this.http = http;
            this.record = record;
        }

        void all() {
            check("GET /health answers ok", this::health);
            GepaContractDeclaration gepa = check("GET /metadata declares the gepa contract", this::metadata);
            check("GET /task_info", () -> {
                TaskInfoResponse info = read("/task_info", http.get("/task_info"), TaskInfoResponse.class);
                return "task " + quote(ContractMapping.toTaskInfo(info).taskId());
            });
            ProgramSpec program = check("GET /program has mutable fields and a seed covering them",
                    () -> program(route(gepa.programRoute(), "/program")));
            check("GET /dataset", () -> dataset(route(gepa.datasetRoute(), "/dataset")));
            String rowsRoute = route(gepa.datasetRowsRoute(), "/dataset/rows");
            List<DatasetRow> train = check("POST /dataset/rows gives one row per seed",
                    () -> rows(rowsRoute, Split.TRAIN, trainSplit, firstSeeds(trainSplit, 3)));
            String rolloutRoute = route(gepa.rolloutRoute(), "/rollout");
            RolloutRequest first = request(program, train.get(0));
            byte[] firstBody = RolloutMapping.writeRequest(first, trainSplit);
            Reward trainReward = check("POST /rollout with the seed candidate on train seed 0",
                    () -> rollout(rolloutRoute, first, firstBody));
            List<DatasetRow> heldout = check("POST /dataset/rows for the heldout split '" + heldoutSplit + "'",
                    () -> rows(rowsRoute, Split.HELDOUT, heldoutSplit, List.of(0L)));
            RolloutRequest second = request(program, heldout.get(0));
            check("POST /rollout with the seed candidate on heldout seed 0",
                    () -> rollout(rolloutRoute, second, RolloutMapping.writeRequest(second, heldoutSplit)));
            check("POST /rollout repeated with the same rollout_id gives the first result",
                    () -> repeat(rolloutRoute, first, firstBody, trainReward));
            check("POST /rollout with an api_key field in the body is refused",
                    () -> apiKeyRefused(rolloutRoute, program, train.get(0)));
        }

        private String health() {
            HealthResponse health = read("/health", http.get("/health"), HealthResponse.class);
            if (health.status() == null || !(health.status().equalsIgnoreCase("ok")
                    || health.status().equalsIgnoreCase("healthy"))) {
                throw fail("/health says status " + quote(health.status())
                        + ": answer {\"status\":\"ok\"} once the container is ready");
            }
            return "status ok";
        }

        private GepaContractDeclaration metadata() {
            MetadataResponse metadata = read("/metadata", http.get("/metadata"), MetadataResponse.class);
            GepaContractDeclaration gepa = metadata.gepaContract().orElseThrow(() -> fail(
                    "/metadata declares no gepa contract: add metadata.optimizer_contracts.gepa = {\"version\": \""
                            + ContractVersions.SERVED + "\", \"program_route\": \"/program\", "
                            + "\"rollout_route\": \"/rollout\", ...}"));
            if (!ContractVersions.accepts(gepa.version())) {
                throw fail("/metadata declares gepa contract version " + quote(gepa.version())
                        + ", not a gepa version: declare \"" + ContractVersions.SERVED + "\"");
            }
            current = "version " + gepa.version();
            return gepa;
        }

        private ProgramSpec program(String route) {
            ProgramResponse doc = read(route, http.get(route), ProgramResponse.class);
            ProgramSpec spec;
            try {
                spec = ContractMapping.toProgramSpec(doc);
            } catch (ContractViolationException | IllegalArgumentException e) {
                throw fail(e.getMessage());
            }
            if (spec.mutableFields().isEmpty()) {
                throw fail(route + " marks no module mutable: set mutable=true and a candidate_field on the "
                        + "module(s) the optimizer may rewrite");
            }
            for (String field : spec.mutableFields()) {
                String text = spec.seedCandidate().get(field);
                if (text == null || text.isBlank()) {
                    throw fail(route + " seed_candidate has no text for mutable field '" + field
                            + "': give seed_candidate an entry for every mutable candidate_field");
                }
            }
            return spec;
        }

        private String dataset(String route) {
            DatasetInfo info = ContractMapping.toDatasetInfo(read(route, http.get(route), DatasetResponse.class));
            for (String split : List.of(trainSplit, heldoutSplit)) {
                if (!info.splitSizes().isEmpty() && !info.splitSizes().containsKey(split)) {
                    throw fail(route + " lists splits " + info.splitSizes().keySet() + " but not '" + split
                            + "': serve that split, or pass its name with --train-split/--heldout-split");
                }
            }
            for (String split : List.of(trainSplit, heldoutSplit)) {
                if (info.splitSizes().getOrDefault(split, 1) < 1) {
                    throw fail(route + " says split '" + split + "' is empty: serve at least one row in it");
                }
            }
            dataset = info;
            return "dataset " + quote(info.datasetId()) + " splits " + info.splitSizes();
        }

        private List<DatasetRow> rows(String route, Split split, String containerSplit, List<Long> seeds) {
            byte[] body = ContractCodec.write(DatasetRowsRequest.of(containerSplit, seeds));
            DatasetRowsResponse doc = read(route, http.post(route, body), DatasetRowsResponse.class);
            try {
                return ContractMapping.toRows(split, seeds, doc);
            } catch (ContractViolationException e) {
                throw fail(e.getMessage());
            }
        }

        /** Seeds 0..n-1, fewer when the dataset declares a smaller split. */
        private List<Long> firstSeeds(String split, int n) {
            int size = dataset == null ? n : Math.min(n, dataset.splitSizes().getOrDefault(split, n));
            return java.util.stream.LongStream.range(0, size).boxed().toList();
        }

        private Reward rollout(String route, RolloutRequest request, byte[] body) {
            RolloutResponseDoc doc = read(route, http.post(route, body), RolloutResponseDoc.class);
            if (!request.rolloutId().equals(doc.rolloutId())) {
                throw fail(route + " answered rollout_id " + quote(doc.rolloutId()) + " for request "
                        + quote(request.rolloutId()) + ": echo the request's rollout_id in the response");
            }
            try {
                return RewardRule.require(doc);
            } catch (ContractViolationException e) {
                throw fail(route + ": " + e.getMessage());
            }
        }

        private String repeat(String route, RolloutRequest request, byte[] body, Reward first) {
            Reward again = rollout(route, request, body);
            if (again.value() != first.value()) {
                throw fail(route + " gave reward " + again.value() + " the second time for rollout_id "
                        + quote(request.rolloutId()) + " but " + first.value()
                        + " the first time: remember answers by rollout_id and return the first one on a retry");
            }
            return "same reward " + again.value();
        }

        private String apiKeyRefused(String route, ProgramSpec program, DatasetRow row) {
            RolloutRequest request = request(program, row);
            ObjectNode body = (ObjectNode) ContractCodec.readTree(RolloutMapping.writeRequest(request, trainSplit));
            ((ObjectNode) body.get("policy")).put("api_key", "sk-gepa-check-not-a-real-key");
            CheckHttp.Answer answer = http.post(route, ContractCodec.write(body));
            if (answer.status() != 400 && answer.status() != 422) {
                throw fail(route + " answered HTTP " + answer.status() + " to a body with policy.api_key: reject "
                        + "any field whose name contains api_key with 422 (keys never travel in bodies)");
            }
            return "HTTP " + answer.status();
        }

        private RolloutRequest request(ProgramSpec program, DatasetRow row) {
            return new RolloutRequest("check_" + UUID.randomUUID(), "gepa_check", "seed", program.seedCandidate(),
                    row, PolicySpec.of("embedded", "default"), timeout);
        }

        private <T> T read(String route, CheckHttp.Answer answer, Class<T> type) {
            if (answer.status() < 200 || answer.status() >= 300) {
                throw fail(route + " answered HTTP " + answer.status() + " (" + answer.snippet()
                        + "): it must answer 200 with a JSON body");
            }
            try {
                return ContractCodec.read(answer.body(), type);
            } catch (ContractViolationException e) {
                throw fail(route + " answered a body that breaks the contract: " + e.getMessage()
                        + " (body starts: " + answer.snippet() + ")");
            }
        }

        private <T> T check(String name, java.util.function.Supplier<T> step) {
            current = null;
            T value;
            try {
                value = step.get();
            } catch (CheckFailure f) {
                record.accept(new CheckResult(name, false, f.getMessage()));
                throw f;
            }
            String detail = current != null ? current : value instanceof String s ? s : summary(value);
            record.accept(new CheckResult(name, true, detail));
            return value;
        }

        private String summary(Object value) {
            if (value instanceof ProgramSpec p) {
                return "mutable " + p.mutableFields();
            }
            if (value instanceof List<?> rows) {
                return rows.size() + " rows, example ids " + rows.stream()
                        .map(r -> ((DatasetRow) r).ref().exampleId()).toList();
            }
            if (value instanceof Reward r) {
                return "reward " + r.value() + " from " + r.source();
            }
            return "";
        }

        private CheckFailure fail(String message) {
            return new CheckFailure(message);
        }
    }

    private static String route(String declared, String standard) {
        return declared == null || declared.isBlank() ? standard : declared.startsWith("/") ? declared : "/" + declared;
    }

    private static String quote(String s) {
        return s == null ? "(none)" : "'" + s + "'";
    }
}
