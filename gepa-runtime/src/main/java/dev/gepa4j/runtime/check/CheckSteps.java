package dev.gepa4j.runtime.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.AsyncRecords;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractMapping;
import dev.gepa4j.contract.ContractVersions;
import dev.gepa4j.contract.ContractViolationException;
import dev.gepa4j.contract.Reward;
import dev.gepa4j.contract.Tasksets;
import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsRequest;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.GepaContractDeclaration;
import dev.gepa4j.contract.wire.HealthResponse;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.ProgramResponse;
import dev.gepa4j.contract.wire.TaskInfoResponse;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.container.RolloutRequest;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.PolicySpec;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import dev.gepa4j.runtime.container.ContainerAuth;
import dev.gepa4j.runtime.container.SubmissionMode;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.LongStream;

/** The checks of one {@link ConformanceCheck} run, in order; a failed required check records itself and throws. */
final class CheckSteps {
    /** What the check was asked to do. */
    record Settings(String url, String apiKey, ContainerAuth auth, String trainSplit, String heldoutSplit,
                    Duration timeout, SubmissionMode submission, Duration pollInterval) {
    }

    private final Settings settings;
    private final CheckHttp http;
    private final Consumer<CheckResult> record;
    private String current;
    private DatasetInfo dataset;
    private String metadataRoute = "/metadata";

    CheckSteps(Settings settings, CheckHttp http, Consumer<CheckResult> record) {
        this.settings = settings;
        this.http = http;
        this.record = record;
    }

    void all() {
        required("health", "GET /health answers ok", this::health);
        MetadataResponse metadata = required("metadata.gepa_contract", "GET /metadata declares the gepa contract",
                this::metadata);
        GepaContractDeclaration gepa = metadata.gepaContract().orElseThrow();
        SubmissionMode mode = settings.submission().resolve(AsyncRecords.rolloutModes(metadata));
        TaskInfo taskInfo = required("task_info", "GET /task_info", () -> {
            TaskInfo info = ContractMapping.toTaskInfo(read("/task_info", http.get("/task_info"),
                    TaskInfoResponse.class));
            current = "task " + quote(info.taskId());
            return info;
        });
        ProgramSpec program = required("program", "GET /program has mutable fields and a seed covering them",
                () -> program(route(gepa.programRoute(), "/program")));
        String taskset = Tasksets.tasksetRoute(gepa);
        String tasks = Tasksets.tasksRoute(gepa);
        required("dataset", "GET " + (taskset != null ? taskset : "/dataset"), () -> dataset(taskset != null ? taskset
                : route(gepa.datasetRoute(), "/dataset"), taskset != null));
        String rowsRoute = tasks != null ? tasks : route(gepa.datasetRowsRoute(), "/dataset/rows");
        List<DatasetRow> train = required("rows.train", "POST " + rowsRoute + " gives one row per seed",
                () -> rows(rowsRoute, tasks != null, Split.TRAIN, settings.trainSplit(),
                        firstSeeds(settings.trainSplit(), 3)));
        RolloutProbe rollouts = new RolloutProbe(http, route(gepa.rolloutRoute(), "/rollout"), mode,
                settings.pollInterval(), settings.timeout());
        String how = mode == SubmissionMode.ASYNC ? " (async, polled)" : "";
        RolloutRequest first = request(program, train.get(0));
        Reward trainReward = required("rollout.train", "POST /rollout with the seed candidate on train seed 0" + how,
                () -> rollouts.run(first, settings.trainSplit(), this::note));
        List<DatasetRow> heldout = required("rows.heldout", "POST " + rowsRoute + " for the heldout split '"
                + settings.heldoutSplit() + "'",
                () -> rows(rowsRoute, tasks != null, Split.HELDOUT, settings.heldoutSplit(), List.of(0L)));
        RolloutRequest second = request(program, heldout.get(0));
        required("rollout.heldout", "POST /rollout with the seed candidate on heldout seed 0" + how,
                () -> rollouts.run(second, settings.heldoutSplit(), this::note));
        recommended("rollout.idempotent", "POST /rollout repeated with the same rollout_id gives the first result",
                () -> repeat(rollouts, first, trainReward));
        recommended("rollout.refuses_key_fields", "POST /rollout with an api_key field in the body is refused",
                () -> apiKeyRefused(rollouts, program, train.get(0)));
        keyEnforced();
        recommended("task_info.details", "GET /task_info describes the task", () -> {
            if (taskInfo.description() == null || taskInfo.description().isBlank()) {
                throw new CheckFailure("/task_info has no description: add one (what the task is, what a good "
                        + "answer looks like); proposers read it to understand the task");
            }
            return "description of " + taskInfo.description().length() + " characters";
        });
    }

    private String health() {
        HealthResponse health = read("/health", http.get("/health"), HealthResponse.class);
        if (health.status() == null || !(health.status().equalsIgnoreCase("ok")
                || health.status().equalsIgnoreCase("healthy"))) {
            throw new CheckFailure("/health says status " + quote(health.status())
                    + ": answer {\"status\":\"ok\"} once the container is ready");
        }
        return "status ok";
    }

    private MetadataResponse metadata() {
        CheckHttp.Answer answer = http.get("/metadata");
        if (answer.status() == 404) {
            CheckHttp.Answer alias = http.get("/info");
            if (alias.status() >= 200 && alias.status() < 300) {
                metadataRoute = "/info";
                answer = alias;
            }
        }
        MetadataResponse metadata = read(metadataRoute, answer, MetadataResponse.class);
        GepaContractDeclaration gepa = metadata.gepaContract().orElseThrow(() -> new CheckFailure(
                "/metadata declares no gepa contract: add metadata.optimizer_contracts.gepa = {\"version\": \""
                        + ContractVersions.SERVED + "\", \"program_route\": \"/program\", "
                        + "\"rollout_route\": \"/rollout\", ...}"));
        if (!ContractVersions.accepts(gepa.version())) {
            throw new CheckFailure("/metadata declares gepa contract version " + quote(gepa.version())
                    + ", not a gepa version: declare \"" + ContractVersions.SERVED + "\"");
        }
        var modes = AsyncRecords.rolloutModes(metadata);
        current = "version " + gepa.version() + (metadataRoute.equals("/info") ? " (served at the alias /info)" : "")
                + (modes.isEmpty() ? "" : ", rollout modes " + modes);
        return metadata;
    }

    private ProgramSpec program(String route) {
        ProgramResponse doc = read(route, http.get(route), ProgramResponse.class);
        ProgramSpec spec;
        try {
            spec = ContractMapping.toProgramSpec(doc);
        } catch (ContractViolationException | IllegalArgumentException e) {
            throw new CheckFailure(e.getMessage());
        }
        if (spec.mutableFields().isEmpty()) {
            throw new CheckFailure(route + " marks no module mutable: set mutable=true and a candidate_field on the "
                    + "module(s) the optimizer may rewrite");
        }
        for (String field : spec.mutableFields()) {
            String text = spec.seedCandidate().get(field);
            if (text == null || text.isBlank()) {
                throw new CheckFailure(route + " seed_candidate has no text for mutable field '" + field
                        + "': give seed_candidate an entry for every mutable candidate_field");
            }
        }
        current = "mutable " + spec.mutableFields();
        return spec;
    }

    private String dataset(String route, boolean taskset) {
        DatasetResponse doc;
        try {
            doc = taskset ? Tasksets.asDataset(read(route, http.get(route), JsonNode.class))
                    : read(route, http.get(route), DatasetResponse.class);
        } catch (ContractViolationException e) {
            throw new CheckFailure(route + ": " + e.getMessage());
        }
        DatasetInfo info = ContractMapping.toDatasetInfo(doc);
        for (String split : List.of(settings.trainSplit(), settings.heldoutSplit())) {
            if (!info.splitSizes().isEmpty() && !info.splitSizes().containsKey(split)) {
                throw new CheckFailure(route + " lists splits " + info.splitSizes().keySet() + " but not '" + split
                        + "': serve that split, or pass its name with --train-split/--heldout-split");
            }
            if (info.splitSizes().getOrDefault(split, 1) < 1) {
                throw new CheckFailure(route + " says split '" + split + "' is empty: serve at least one row in it");
            }
        }
        dataset = info;
        return "dataset " + quote(info.datasetId()) + " splits " + info.splitSizes();
    }

    private List<DatasetRow> rows(String route, boolean taskset, Split split, String containerSplit,
                                  List<Long> seeds) {
        byte[] body = taskset ? Tasksets.tasksRequest(containerSplit, seeds)
                : ContractCodec.write(DatasetRowsRequest.of(containerSplit, seeds));
        try {
            DatasetRowsResponse doc = taskset ? Tasksets.asRows(read(route, http.post(route, body), JsonNode.class))
                    : read(route, http.post(route, body), DatasetRowsResponse.class);
            List<DatasetRow> rows = ContractMapping.toRows(split, seeds, doc);
            current = rows.size() + " rows, example ids " + rows.stream().map(r -> r.ref().exampleId()).toList();
            return rows;
        } catch (ContractViolationException e) {
            throw new CheckFailure(e.getMessage());
        }
    }

    /** Seeds 0..n-1, fewer when the dataset declares a smaller split. */
    private List<Long> firstSeeds(String split, int n) {
        int size = dataset == null ? n : Math.min(n, dataset.splitSizes().getOrDefault(split, n));
        return LongStream.range(0, size).boxed().toList();
    }

    private String repeat(RolloutProbe rollouts, RolloutRequest request, Reward first) {
        Reward again = rollouts.run(request, settings.trainSplit(), this::note);
        if (again.value() != first.value()) {
            throw new CheckFailure("/rollout gave reward " + again.value() + " the second time for rollout_id "
                    + quote(request.rolloutId()) + " but " + first.value()
                    + " the first time: remember answers by rollout_id and return the first one on a retry");
        }
        return "same reward " + again.value();
    }

    private String apiKeyRefused(RolloutProbe rollouts, ProgramSpec program, DatasetRow row) {
        RolloutRequest request = request(program, row);
        ObjectNode body = (ObjectNode) ContractCodec.readTree(rollouts.body(request, settings.trainSplit()));
        ((ObjectNode) body.get("policy")).put("api_key", "sk-gepa-check-not-a-real-key");
        CheckHttp.Answer answer = rollouts.post(ContractCodec.write(body));
        if (answer.status() != 400 && answer.status() != 422) {
            throw new CheckFailure("/rollout answered HTTP " + answer.status() + " to a body with policy.api_key: "
                    + "reject any field whose name contains api_key with 422 (keys never travel in bodies)");
        }
        return "HTTP " + answer.status();
    }

    private void keyEnforced() {
        String name = "GET " + metadataRoute + " without the container's key is refused";
        if (settings.apiKey() == null) {
            record.accept(new CheckResult("auth.key_enforced", name, CheckLevel.RECOMMENDED,
                    CheckResult.Outcome.SKIPPED, "not checked: no key given (pass --api-key-env NAME to check it)"));
            return;
        }
        recommended("auth.key_enforced", name, () -> {
            try (CheckHttp keyless = new CheckHttp(settings.url(), null, settings.auth(), settings.timeout())) {
                CheckHttp.Answer answer = keyless.get(metadataRoute);
                if (answer.status() != 401 && answer.status() != 403) {
                    throw new CheckFailure(metadataRoute + " answered HTTP " + answer.status() + " without a key: "
                            + "refuse requests without the right key with 401 on every route but /health");
                }
                return "HTTP " + answer.status();
            }
        });
    }

    private RolloutRequest request(ProgramSpec program, DatasetRow row) {
        return new RolloutRequest("check_" + UUID.randomUUID(), "gepa_check", "seed", program.seedCandidate(),
                row, PolicySpec.of("embedded", "default"), settings.timeout());
    }

    private <T> T read(String route, CheckHttp.Answer answer, Class<T> type) {
        return RolloutProbe.read(route, answer, type);
    }

    private void note(String detail) {
        current = detail;
    }

    private <T> T required(String id, String name, Supplier<T> step) {
        current = null;
        T value;
        try {
            value = step.get();
        } catch (CheckFailure f) {
            record.accept(new CheckResult(id, name, CheckLevel.REQUIRED, CheckResult.Outcome.FAILED, f.getMessage()));
            throw f;
        }
        record.accept(new CheckResult(id, name, CheckLevel.REQUIRED, CheckResult.Outcome.PASSED,
                current != null ? current : value instanceof String s ? s : ""));
        return value;
    }

    private void recommended(String id, String name, Supplier<String> step) {
        current = null;
        try {
            String detail = step.get();
            record.accept(new CheckResult(id, name, CheckLevel.RECOMMENDED, CheckResult.Outcome.PASSED, detail));
        } catch (CheckFailure f) {
            record.accept(new CheckResult(id, name, CheckLevel.RECOMMENDED, CheckResult.Outcome.FAILED,
                    f.getMessage()));
        }
    }

    private static String route(String declared, String standard) {
        return declared == null || declared.isBlank() ? standard : declared.startsWith("/") ? declared : "/" + declared;
    }

    static String quote(String s) {
        return s == null ? "(none)" : "'" + s + "'";
    }
}
