package dev.gepa4j.runtime.container;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A container of the public contract's shapes that gepa4j's own SDK does not serve, for the client's tests: route
 * aliases only ({@code /info}, {@code /rollouts}), taskset routes instead of dataset routes, async rollouts whose
 * container ids differ from the optimizer's rollout ids, a key read from a chosen header. Real HTTP on 127.0.0.1.
 *
 * <p>Task: seeds 0..19 of {@code train} and {@code test}; reward 1 for even seeds, 0 for odd ones. An async rollout
 * completes {@code asyncMillis} after its submission (no thread runs it: a poll computes its state from the clock).
 * Counts, on the container's side: submissions per optimizer rollout id, polls, terminates, and the headers seen.
 */
public final class PublicShapeContainer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What to serve; every flag is off (plain sync shapes under the standard names) unless set. */
    public static final class Shape {
        String metadataRoute = "/metadata";
        String rolloutRoute = "/rollout";
        boolean tasksets;
        List<String> modes = List.of("sync");
        long asyncMillis = 50;
        boolean omitIdWhenQueued;
        String keyHeader;
        String key;
        boolean describe = true;

        /** {@code /task_info} without a description. */
        public Shape withoutDescription() {
            describe = false;
            return this;
        }

        public Shape aliasesOnly() {
            metadataRoute = "/info";
            rolloutRoute = "/rollouts";
            return this;
        }

        public Shape tasksets() {
            tasksets = true;
            return this;
        }

        public Shape asyncOnly(long millis) {
            modes = List.of("async");
            asyncMillis = millis;
            return this;
        }

        public Shape omitIdWhenQueued() {
            omitIdWhenQueued = true;
            return this;
        }

        /** Requires {@code key} in {@code header}: {@code X-API-Key}, or {@code Authorization} as a bearer token. */
        public Shape requireKey(String header, String value) {
            keyHeader = header;
            key = value;
            return this;
        }
    }

    private record Submission(String rolloutId, long seed, String split, long doneAtNanos) {
    }

    private final Shape shape;
    private final Javalin app;
    private final AtomicLong nextId = new AtomicLong();
    private final Map<String, Submission> submissions = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> submissionsByRolloutId = new ConcurrentHashMap<>();
    private final Set<String> terminated = ConcurrentHashMap.newKeySet();
    private final AtomicInteger polls = new AtomicInteger();
    private final List<String> keysSeen = new CopyOnWriteArrayList<>();

    private PublicShapeContainer(Shape shape) {
        this.shape = shape;
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(this::checkKey);
            cfg.routes.get("/health", ctx -> ctx.json(Map.of("status", "ok")));
            cfg.routes.get(shape.metadataRoute, ctx -> ctx.result(JSON.writeValueAsString(metadata()))
                    .contentType("application/json"));
            cfg.routes.get("/task_info", ctx -> ctx.json(shape.describe
                    ? Map.of("task_id", "parity", "description", "even or odd") : Map.of("task_id", "parity")));
            cfg.routes.get("/program", ctx -> ctx.json(Map.of("modules", List.of(Map.of("module_id", "instructions",
                    "mutable", true, "candidate_field", "instructions", "content", "Say if it is even.")),
                    "seed_candidate", Map.of("instructions", "Say if it is even."))));
            if (shape.tasksets) {
                cfg.routes.get("/taskset", ctx -> ctx.json(Map.of("taskset_id", "parity_v2",
                        "splits", Map.of("train", 20, "test", 20))));
                cfg.routes.post("/taskset/tasks", this::tasks);
            } else {
                cfg.routes.get("/dataset", ctx -> ctx.json(Map.of("dataset_id", "parity",
                        "splits", Map.of("train", 20, "test", 20))));
                cfg.routes.post("/dataset/rows", this::rows);
            }
            cfg.routes.post(shape.rolloutRoute, this::rollout);
            cfg.routes.get("/rollouts/{id}", this::poll);
            cfg.routes.post("/rollouts/{id}/terminate", this::terminate);
        });
    }

    public static PublicShapeContainer start(Shape shape) {
        PublicShapeContainer c = new PublicShapeContainer(shape);
        c.app.start("127.0.0.1", 0);
        return c;
    }

    public static Shape shape() {
        return new Shape();
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Submissions (POSTs) the container received for an optimizer rollout id. */
    public int submissionsOf(String rolloutId) {
        AtomicInteger n = submissionsByRolloutId.get(rolloutId);
        return n == null ? 0 : n.get();
    }

    /** Every optimizer rollout id submitted, with its submission count. */
    public Map<String, Integer> submissions() {
        Map<String, Integer> out = new java.util.TreeMap<>();
        submissionsByRolloutId.forEach((k, v) -> out.put(k, v.get()));
        return out;
    }

    public int polls() {
        return polls.get();
    }

    /** Container ids of the rollouts terminated. */
    public Set<String> terminated() {
        return Set.copyOf(terminated);
    }

    /** The value of the key header of every request that carried one. */
    public List<String> keysSeen() {
        return List.copyOf(keysSeen);
    }

    private ObjectNode metadata() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode modes = root.putObject("capabilities").putArray("rollout_modes");
        shape.modes.forEach(modes::add);
        ObjectNode gepa = root.putObject("metadata").putObject("optimizer_contracts").putObject("gepa");
        gepa.put("version", "synth_optimizers.gepa.v2").put("program_route", "/program")
                .put("rollout_route", shape.rolloutRoute);
        if (shape.tasksets) {
            gepa.put("taskset_route", "/taskset").put("taskset_tasks_route", "/taskset/tasks");
        } else {
            gepa.put("dataset_route", "/dataset").put("dataset_rows_route", "/dataset/rows");
        }
        return root;
    }

    private void checkKey(Context ctx) {
        if (shape.keyHeader == null) {
            return;
        }
        String given = ctx.header(shape.keyHeader);
        if (given != null) {
            keysSeen.add(given);
        }
        String expected = shape.keyHeader.equalsIgnoreCase("Authorization") ? "Bearer " + shape.key : shape.key;
        if (!ctx.path().equals("/health") && !expected.equals(given)) {
            ctx.status(401).json(Map.of("error", "unauthorized"));
            ctx.skipRemainingHandlers();
        }
    }

    private static ObjectNode row(String split, long seed) {
        return JSON.createObjectNode().put("seed", seed).put("split", split).put("text", "number " + seed);
    }

    private void rows(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode rows = out.putArray("rows");
        for (JsonNode seed : body.get("seeds")) {
            rows.add(row(body.get("split").asText(), seed.asLong()).put("example_id",
                    body.get("split").asText() + ":" + seed.asLong()));
        }
        ctx.result(JSON.writeValueAsString(out)).contentType("application/json");
    }

    /** Tasks wrapped the v2 way: {task_id, payload}; the payload carries no example_id of its own. */
    private void tasks(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        ObjectNode out = JSON.createObjectNode();
        ArrayNode tasks = out.putArray("tasks");
        for (JsonNode id : body.get("task_ids")) {
            String[] parts = id.asText().split(":");
            ObjectNode task = tasks.addObject().put("task_id", id.asText());
            task.set("payload", row(parts[0], Long.parseLong(parts[1])));
        }
        ctx.result(JSON.writeValueAsString(out)).contentType("application/json");
    }

    private void rollout(Context ctx) throws Exception {
        JsonNode body = JSON.readTree(ctx.body());
        String rolloutId = body.path("rollout_id").asText();
        submissionsByRolloutId.computeIfAbsent(rolloutId, k -> new AtomicInteger()).incrementAndGet();
        long seed = body.get("seed").asLong();
        String split = body.path("split").asText("train");
        boolean async = shape.modes.equals(List.of("async"))
                || (shape.modes.contains("async") && "async".equals(body.path("submission_mode").asText()));
        if (!async) {
            ctx.result(JSON.writeValueAsString(result(rolloutId, seed, split))).contentType("application/json");
            return;
        }
        String containerId = "c-" + nextId.incrementAndGet(); // the container's own id, not the optimizer's
        submissions.put(containerId, new Submission(rolloutId, seed, split,
                System.nanoTime() + shape.asyncMillis * 1_000_000));
        ObjectNode queued = JSON.createObjectNode().put("status", "queued").put("success_status", "pending");
        if (!shape.omitIdWhenQueued) {
            queued.put("rollout_id", containerId);
        }
        ctx.status(202).result(JSON.writeValueAsString(queued)).contentType("application/json");
    }

    private void poll(Context ctx) throws Exception {
        polls.incrementAndGet();
        String id = ctx.pathParam("id");
        Submission s = submissions.get(id);
        if (s == null) {
            ctx.status(404).json(Map.of("error", "unknown_rollout"));
            return;
        }
        ObjectNode record;
        if (terminated.contains(id)) {
            record = JSON.createObjectNode().put("rollout_id", id).put("status", "cancelled");
        } else if (System.nanoTime() - s.doneAtNanos() < 0) {
            record = JSON.createObjectNode().put("rollout_id", id).put("status", "running");
        } else {
            record = result(id, s.seed(), s.split());
        }
        ctx.result(JSON.writeValueAsString(record)).contentType("application/json");
    }

    private void terminate(Context ctx) {
        String id = ctx.pathParam("id");
        if (!submissions.containsKey(id)) {
            ctx.status(404).json(Map.of("error", "unknown_rollout"));
            return;
        }
        terminated.add(id);
        ctx.json(Map.of("rollout_id", id, "status", "cancelled"));
    }

    private static ObjectNode result(String id, long seed, String split) {
        double reward = seed % 2 == 0 ? 1.0 : 0.0;
        ObjectNode r = JSON.createObjectNode().put("rollout_id", id).put("status", "completed")
                .put("seed", seed).put("split", split);
        r.putObject("reward_info").put("outcome_reward", reward);
        r.putObject("summary").put("outcome_reward", reward).put("prediction", seed % 2 == 0 ? "even" : "odd");
        return r;
    }

    @Override
    public void close() {
        app.stop();
    }
}
