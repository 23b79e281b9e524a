package dev.gepa4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.ProgramModuleDoc;
import dev.gepa4j.contract.wire.ProgramResponse;
import dev.gepa4j.contract.wire.TaskInfoResponse;
import dev.gepa4j.core.container.DatasetInfo;
import dev.gepa4j.core.model.DatasetRow;
import dev.gepa4j.core.model.ExampleRef;
import dev.gepa4j.core.model.ProgramModule;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.Split;
import dev.gepa4j.core.model.TaskInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wire documents of the discovery routes to and from the core records. Reading is tolerant of extra fields and
 * of the shapes other containers use; a document that lacks what the optimizer needs raises
 * {@link ContractViolationException}. Rollout documents are mapped by {@link RolloutMapping}.
 */
public final class ContractMapping {
    /** Row fields tried, in order, for a human-readable input text. */
    private static final List<String> INPUT_FIELDS = List.of("text", "input", "question", "prompt", "query");

    private ContractMapping() {
    }

    /** {@code GET /program} to the core program; the seed candidate may be empty (the config may give one). */
    public static ProgramSpec toProgramSpec(ProgramResponse doc) {
        if (doc.modules() == null || doc.modules().isEmpty()) {
            throw new ContractViolationException("no_modules",
                    "/program has no modules: list at least one module with mutable=true and a candidate_field");
        }
        List<ProgramModule> modules = new ArrayList<>();
        for (ProgramModuleDoc m : doc.modules()) {
            if (m.moduleId() == null || m.moduleId().isBlank()) {
                throw new ContractViolationException("missing_module_id", "a module of /program has no module_id");
            }
            boolean mutable = Boolean.TRUE.equals(m.mutable());
            if (mutable && (m.candidateField() == null || m.candidateField().isBlank())) {
                throw new ContractViolationException("missing_candidate_field", "module '" + m.moduleId()
                        + "' of /program is mutable but has no candidate_field: name the candidate key for it");
            }
            modules.add(new ProgramModule(m.moduleId(), m.role(), m.content(), mutable, m.candidateField()));
        }
        String programId = doc.programId() == null ? "" : doc.programId();
        return new ProgramSpec(programId, modules, doc.seedCandidate() == null ? Map.of() : doc.seedCandidate());
    }

    /** The core program as a {@code prompt_program.v1} document. */
    public static ProgramResponse toProgramResponse(ProgramSpec spec, JsonNode metadata) {
        List<ProgramModuleDoc> modules = spec.modules().stream()
                .map(m -> new ProgramModuleDoc(m.moduleId(), m.role(), m.content(), m.mutable(), m.candidateField(),
                        null))
                .toList();
        return new ProgramResponse(ProgramResponse.VERSION, spec.programId(), modules, spec.seedCandidate(), metadata,
                null);
    }

    /** {@code GET /task_info} to the core record; hints that are JSON (not text) are kept as JSON text. */
    public static TaskInfo toTaskInfo(TaskInfoResponse doc) {
        String taskId = doc.taskId();
        String description = doc.description();
        JsonNode task = doc.extra().get("task");
        if (task != null && task.isObject()) {
            taskId = taskId != null ? taskId : text(task.get("id"));
            description = description != null ? description : text(task.get("description"));
        }
        return new TaskInfo(taskId, description, text(doc.proposerHints()));
    }

    public static TaskInfoResponse toTaskInfoResponse(TaskInfo info, JsonNode outputSpace) {
        JsonNode hints = info.proposerHints().isEmpty() ? null
                : ContractCodec.mapper().getNodeFactory().textNode(info.proposerHints());
        return new TaskInfoResponse(info.taskId(), info.description(), outputSpace, hints, null);
    }

    /**
     * {@code GET /dataset} to split sizes. Reads {@code splits}, {@code split_sizes} or {@code split_counts}, each
     * split given as a count or as an object with {@code size}, {@code count} or {@code num_rows}; splits whose
     * size cannot be read are left out (the rows route is the authority).
     */
    public static DatasetInfo toDatasetInfo(DatasetResponse doc) {
        Map<String, Integer> sizes = new LinkedHashMap<>();
        if (doc.splits() != null) {
            doc.splits().forEach((name, node) -> putSize(sizes, name, node));
        }
        for (String key : List.of("split_sizes", "split_counts")) {
            JsonNode node = doc.extra().get(key);
            if (node != null && node.isObject()) {
                node.properties().forEach(e -> putSize(sizes, e.getKey(), e.getValue()));
            }
        }
        return new DatasetInfo(doc.datasetId(), sizes);
    }

    public static DatasetResponse toDatasetResponse(DatasetInfo info) {
        Map<String, JsonNode> splits = new LinkedHashMap<>();
        info.splitSizes().forEach((name, size) -> splits.put(name, IntNode.valueOf(size)));
        return new DatasetResponse(info.datasetId(), splits, null);
    }

    /**
     * {@code POST /dataset/rows} to one core row per seed, in seed order.
     *
     * @throws ContractViolationException when the count differs from the seeds or a row is not an object with an
     *                                    {@code example_id} (or {@code id})
     */
    public static List<DatasetRow> toRows(Split split, List<Long> seeds, DatasetRowsResponse doc) {
        List<JsonNode> rows = doc.rows();
        if (rows == null) {
            throw new ContractViolationException("missing_rows",
                    "/dataset/rows answered without a 'rows' array: return {\"rows\": [...]}, one row per seed");
        }
        if (rows.size() != seeds.size()) {
            throw new ContractViolationException("row_count_mismatch", "/dataset/rows answered " + rows.size()
                    + " rows for " + seeds.size() + " seeds " + preview(seeds)
                    + ": return exactly one row per requested seed, in the order of the seeds");
        }
        List<DatasetRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JsonNode row = rows.get(i);
            if (row == null || !row.isObject()) {
                throw new ContractViolationException("row_not_object", "row " + i + " of /dataset/rows is "
                        + (row == null ? "null" : RewardRule.describe(row)) + ": each row must be a JSON object");
            }
            String exampleId = text(row.hasNonNull("example_id") ? row.get("example_id") : row.get("id"));
            if (exampleId == null || exampleId.isBlank()) {
                throw new ContractViolationException("missing_example_id", "row " + i + " (seed " + seeds.get(i)
                        + ") of /dataset/rows has no example_id: give every row a stable example_id such as \""
                        + split.label() + ":" + seeds.get(i) + "\"");
            }
            out.add(new DatasetRow(new ExampleRef(split, seeds.get(i), exampleId), row.toString(), inputText(row)));
        }
        return out;
    }

    private static String inputText(JsonNode row) {
        for (String field : INPUT_FIELDS) {
            JsonNode v = row.get(field);
            if (v != null && v.isTextual()) {
                return v.asText();
            }
        }
        return null;
    }

    private static void putSize(Map<String, Integer> sizes, String name, JsonNode node) {
        JsonNode n = node;
        if (n != null && n.isObject()) {
            n = n.hasNonNull("size") ? n.get("size") : n.hasNonNull("count") ? n.get("count") : n.get("num_rows");
        }
        if (n != null && n.canConvertToInt() && n.isIntegralNumber()) {
            sizes.putIfAbsent(name, n.intValue());
        }
    }

    private static String preview(List<Long> seeds) {
        return seeds.size() <= 8 ? seeds.toString() : seeds.subList(0, 8) + "...";
    }

    /** Text of a node: the string itself, JSON text for numbers and structures, null for absent or null. */
    static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        return node.isTextual() ? node.asText() : node.toString();
    }
}
