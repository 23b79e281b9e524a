package dev.gepa4j.testkit.containers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractVersions;
import io.javalin.Javalin;
import io.javalin.http.Context;

/**
 * A hand-written container (no SDK, so nothing corrects it) that follows the gepa contract except for one
 * {@link Violation}. Serves a one-field program and a data set of 10 train and 5 test rows. Binds 127.0.0.1 on a
 * free port.
 */
public final class ViolatingContainer implements AutoCloseable {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Javalin app;

    private ViolatingContainer(Javalin app) {
        this.app = app;
    }

    public static ViolatingContainer start(Violation violation) {
        Javalin app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/health", ctx -> json(ctx, NODES.objectNode().put("status", "ok")));
            cfg.routes.get("/metadata", ctx -> json(ctx, metadata(violation)));
            cfg.routes.get("/task_info", ctx -> json(ctx, NODES.objectNode().put("task_id", "broken")
                    .put("description", "a container that breaks the contract on purpose")));
            cfg.routes.get("/program", ctx -> json(ctx, program()));
            cfg.routes.get("/dataset", ctx -> {
                ObjectNode doc = NODES.objectNode().put("dataset_id", "broken_v1");
                doc.putObject("splits").put("train", 10).put("test", 5);
                json(ctx, doc);
            });
            cfg.routes.post("/dataset/rows", ctx -> json(ctx, rows(violation, ctx)));
            cfg.routes.post("/rollout", ctx -> rollout(violation, ctx));
        });
        app.start("127.0.0.1", 0);
        return new ViolatingContainer(app);
    }

    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private static ObjectNode metadata(Violation violation) {
        ObjectNode doc = NODES.objectNode();
        doc.putObject("runtime").put("runtime_id", "violating_container").put("name", violation.name());
        ObjectNode metadata = doc.putObject("metadata");
        if (violation != Violation.NO_CONTRACT_DECLARATION) {
            metadata.putObject("optimizer_contracts").putObject("gepa").put("version", ContractVersions.SERVED)
                    .put("program_route", "/program").put("dataset_route", "/dataset")
                    .put("dataset_rows_route", "/dataset/rows").put("rollout_route", "/rollout");
        }
        return doc;
    }

    private static ObjectNode program() {
        ObjectNode doc = NODES.objectNode().put("version", "prompt_program.v1").put("program_id", "broken");
        doc.putArray("modules").addObject().put("module_id", "system").put("role", "system")
                .put("content", "Answer briefly.").put("mutable", true).put("candidate_field", "system");
        doc.putObject("seed_candidate").put("system", "Answer briefly.");
        return doc;
    }

    private static ObjectNode rows(Violation violation, Context ctx) {
        JsonNode request = ContractCodec.readTree(ctx.bodyAsBytes());
        String split = request.path("split").asText("train");
        ObjectNode doc = NODES.objectNode();
        ArrayNode rows = doc.putArray("rows");
        JsonNode seeds = request.path("seeds");
        int n = violation == Violation.FEWER_ROWS_THAN_SEEDS ? Math.max(0, seeds.size() - 1) : seeds.size();
        for (int i = 0; i < n; i++) {
            long seed = seeds.get(i).asLong();
            rows.addObject().put("example_id", split + ":" + seed).put("seed", seed).put("split", split)
                    .put("text", "question " + seed);
        }
        return doc;
    }

    private static void rollout(Violation violation, Context ctx) {
        JsonNode request = ContractCodec.readTree(ctx.bodyAsBytes());
        if (violation == Violation.BODY_NOT_JSON) {
            ctx.contentType("text/html").result("<html><body>rollout finished, reward 1</body></html>");
            return;
        }
        ObjectNode doc = NODES.objectNode().put("rollout_id", request.path("rollout_id").asText())
                .put("status", "completed");
        switch (violation) {
            case ROLLOUT_WITHOUT_REWARD -> doc.putObject("summary").put("prediction", "yes");
            case REWARD_AS_STRING -> doc.putObject("reward_info").put("outcome_reward", "1.0");
            default -> doc.putObject("reward_info").put("outcome_reward", 1.0);
        }
        json(ctx, doc);
    }

    private static void json(Context ctx, JsonNode doc) {
        ctx.contentType("application/json").result(ContractCodec.write(doc));
    }
}
