package dev.gepa4j.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.wire.DatasetResponse;
import dev.gepa4j.contract.wire.DatasetRowsResponse;
import dev.gepa4j.contract.wire.GepaContractDeclaration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The taskset routes of contract v2 ({@code GET /taskset}, {@code POST /taskset/tasks}), read as the data set and
 * its rows. Task ids are {@code <split>:<seed>} ({@code train:0}, {@code test:3}).
 *
 * <p>What gepa4j sends and reads: {@code POST /taskset/tasks {"task_ids": [...], "split": s, "seeds": [...]}}
 * answered by {@code {"tasks": [...]}} (or {@code rows}), one task per id in the same order; a task is the row
 * itself, or an object whose {@code payload}, {@code task} or {@code dataset_row} object is the row; its id is its
 * {@code example_id}, else its {@code task_id}. {@code GET /taskset} gives split sizes as {@code /dataset} does
 * ({@code splits}), or a {@code task_ids} list counted per split.
 */
public final class Tasksets {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Tasksets() {
    }

    /** {@code taskset_route} of the declaration, or null when the container declares none. */
    public static String tasksetRoute(GepaContractDeclaration gepa) {
        return route(gepa, "taskset_route");
    }

    /** {@code taskset_tasks_route} of the declaration, or null when the container declares none. */
    public static String tasksRoute(GepaContractDeclaration gepa) {
        return route(gepa, "taskset_tasks_route");
    }

    /** The request body for the rows of {@code seeds} of {@code split}. */
    public static byte[] tasksRequest(String split, List<Long> seeds) {
        ObjectNode body = NODES.objectNode();
        ArrayNode ids = body.putArray("task_ids");
        seeds.forEach(seed -> ids.add(split + ":" + seed));
        body.put("split", split);
        ArrayNode list = body.putArray("seeds");
        seeds.forEach(list::add);
        return ContractCodec.write(body);
    }

    /** A {@code /taskset/tasks} answer as the rows answer it stands for (ids filled in from {@code task_id}). */
    public static DatasetRowsResponse asRows(JsonNode answer) {
        JsonNode tasks = answer == null ? null : answer.has("tasks") ? answer.get("tasks") : answer.get("rows");
        if (tasks == null || !tasks.isArray()) {
            throw new ContractViolationException("missing_tasks", "the taskset tasks route answered without a "
                    + "'tasks' array: return {\"tasks\": [...]}, one task per requested task id");
        }
        List<JsonNode> rows = new ArrayList<>();
        for (JsonNode task : tasks) {
            rows.add(row(task));
        }
        return new DatasetRowsResponse(rows, null);
    }

    /** A {@code GET /taskset} answer as the data set document it stands for. */
    public static DatasetResponse asDataset(JsonNode answer) {
        if (answer == null || !answer.isObject()) {
            throw new ContractViolationException("malformed_taskset", "the taskset route must answer a JSON object");
        }
        DatasetResponse doc = ContractCodec.convert(answer, DatasetResponse.class);
        JsonNode ids = answer.get("task_ids");
        if ((doc.splits() == null || doc.splits().isEmpty()) && ids != null && ids.isArray()) {
            Map<String, JsonNode> counts = new LinkedHashMap<>();
            Map<String, Integer> n = new LinkedHashMap<>();
            for (JsonNode id : ids) {
                String text = id.asText();
                int colon = text.lastIndexOf(':');
                if (colon > 0) {
                    n.merge(text.substring(0, colon), 1, Integer::sum);
                }
            }
            n.forEach((split, count) -> counts.put(split, NODES.numberNode(count)));
            String datasetId = answer.hasNonNull("taskset_id") ? answer.get("taskset_id").asText() : doc.datasetId();
            return new DatasetResponse(datasetId, counts, null);
        }
        return doc;
    }

    private static JsonNode row(JsonNode task) {
        if (task == null || !task.isObject()) {
            return task;
        }
        JsonNode row = task;
        for (String holder : new String[] {"payload", "task", "dataset_row"}) {
            if (task.get(holder) != null && task.get(holder).isObject()) {
                row = task.get(holder).deepCopy();
                break;
            }
        }
        if (!row.hasNonNull("example_id") && !row.hasNonNull("id") && task.hasNonNull("task_id")) {
            row = row == task ? task.deepCopy() : row;
            ((ObjectNode) row).set("example_id", task.get("task_id"));
        }
        return row;
    }

    private static String route(GepaContractDeclaration gepa, String field) {
        JsonNode node = gepa == null ? null : gepa.extra().get(field);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            return null;
        }
        String r = node.asText().trim();
        return r.startsWith("/") ? r : "/" + r;
    }
}
