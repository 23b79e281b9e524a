package dev.gepa4j.sdk;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import dev.gepa4j.contract.ContractMapping;
import dev.gepa4j.contract.ContractVersions;
import dev.gepa4j.contract.wire.DatasetRowsRequest;
import dev.gepa4j.contract.wire.ErrorResponse;
import dev.gepa4j.contract.wire.GepaContractDeclaration;
import dev.gepa4j.contract.wire.HealthResponse;
import dev.gepa4j.contract.wire.MetadataBlock;
import dev.gepa4j.contract.wire.MetadataResponse;
import dev.gepa4j.contract.wire.OptimizerContracts;
import dev.gepa4j.contract.wire.RuntimeInfo;
import dev.gepa4j.core.error.ListenFailures;
import dev.gepa4j.core.model.ProgramSpec;
import dev.gepa4j.core.model.TaskInfo;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves a {@link TaskHandler} as a gepa container (contract {@value ContractVersions#SERVED}) over HTTP/1.1 on
 * Javalin, with requests on virtual threads so many concurrent rollouts never wait for a pool.
 *
 * <p>Routes: {@code GET /health, /metadata, /info, /task_info, /program, /dataset}, {@code POST /dataset/rows},
 * {@code POST /rollout} and its alias {@code /rollouts}; with async rollouts ({@link ServerOptions#rolloutModes()})
 * also {@code GET /rollouts/{id}} and {@code POST /rollouts/{id}/terminate}. Client mistakes are answered with a 4xx and
 * {@code {error, detail}}; see the package description.
 */
public final class ContainerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerServer.class);
    private static final String JSON = "application/json";

    private final Javalin app;
    private final String host;

    private ContainerServer(Javalin app, String host) {
        this.app = app;
        this.host = host;
    }

    /**
     * Starts serving. The handler's program, task info and data set are read here once.
     *
     * @throws dev.gepa4j.core.error.GepaException when it cannot listen on the host and port (a
     *     {@link dev.gepa4j.core.error.PortInUseException} when the port is taken); the message names both
     */
    public static ContainerServer start(TaskHandler handler, ServerOptions options) {
        ListenFailures.checkCanListen("the task container", options.host(), options.port());
        ProgramSpec program = handler.program();
        TaskInfo taskInfo = handler.taskInfo();
        byte[] health = ContractCodec.write(HealthResponse.ok(ContractVersions.SERVED));
        byte[] metadata = ContractCodec.write(metadata(options.runtimeId(), taskInfo, options.rolloutModes()));
        byte[] programDoc = ContractCodec.write(ContractMapping.toProgramResponse(program, null));
        byte[] taskInfoDoc = ContractCodec.write(ContractMapping.toTaskInfoResponse(taskInfo, null));
        byte[] datasetDoc = ContractCodec.write(ContractMapping.toDatasetResponse(handler.dataset()));
        RolloutService rollouts = new RolloutService(handler, program, options.rememberedRollouts());
        AsyncRolloutService async = options.rolloutModes().servesAsync()
                ? new AsyncRolloutService(rollouts, options.rememberedRollouts()) : null;
        byte[] key = options.apiKey() == null ? null : options.apiKey().getBytes(StandardCharsets.UTF_8);

        Javalin app = Javalin.create(cfg -> {
            cfg.concurrency.useVirtualThreads = true;
            cfg.http.maxRequestSize = options.maxBodyBytes();
            cfg.startup.showJavalinBanner = false;
            cfg.routes.before(ctx -> {
                if (key != null && !ctx.path().equals("/health")) {
                    checkKey(ctx, key);
                }
                String length = ctx.header("Content-Length");
                if (length != null && parseLong(length) > options.maxBodyBytes()) {
                    throw new ClientMistake(413, "body_too_large", ctx.path() + ": the body has " + length
                            + " bytes, more than this container accepts (" + options.maxBodyBytes()
                            + "): send one rollout per request and keep candidate texts short");
                }
            });
            cfg.routes.get("/health", ctx -> json(ctx, health));
            cfg.routes.get("/metadata", ctx -> json(ctx, metadata));
            cfg.routes.get("/info", ctx -> json(ctx, metadata));
            cfg.routes.get("/task_info", ctx -> json(ctx, taskInfoDoc));
            cfg.routes.get("/program", ctx -> json(ctx, programDoc));
            cfg.routes.get("/dataset", ctx -> json(ctx, datasetDoc));
            cfg.routes.post("/dataset/rows", ctx -> json(ctx, rows(handler, ctx.bodyAsBytes())));
            cfg.routes.post("/rollout", ctx -> rollout(ctx, rollouts, async, options.rolloutModes()));
            cfg.routes.post("/rollouts", ctx -> rollout(ctx, rollouts, async, options.rolloutModes()));
            if (async != null) {
                cfg.routes.get("/rollouts/{id}", ctx -> known(ctx, async.poll(ctx.pathParam("id"))));
                cfg.routes.post("/rollouts/{id}/terminate", ctx -> known(ctx, async.terminate(ctx.pathParam("id"))));
            }
            cfg.routes.exception(ClientMistake.class, (e, ctx) -> error(ctx, e.status(), e.code(), e.getMessage()));
            cfg.routes.exception(HttpResponseException.class, (e, ctx) -> httpError(ctx, e, options));
            cfg.routes.exception(Exception.class, (e, ctx) -> {
                LOG.warn("{} {} failed inside the container", ctx.method(), ctx.path(), e);
                error(ctx, 500, "container_fault", ctx.path() + ": the container failed (" + e
                        + "); this is a bug in the task handler, not in the request");
            });
        });
        try {
            app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            throw ListenFailures.describe("the task container", options.host(), options.port(), e);
        }
        return new ContainerServer(app, options.host());
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return app.port();
    }

    /** Base URL, e.g. {@code http://127.0.0.1:41234}. */
    public String url() {
        return "http://" + host + ":" + port();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** {@code POST /rollout}: the result (200), or the queued record (202) when the rollout goes the async way. */
    private static void rollout(Context ctx, RolloutService rollouts, AsyncRolloutService async, RolloutModes modes)
            throws InterruptedException {
        byte[] body = ctx.bodyAsBytes();
        if (async != null && (modes == RolloutModes.ASYNC_ONLY || RolloutService.asksAsync(body))) {
            ctx.status(202);
            json(ctx, async.submit(body));
        } else {
            json(ctx, rollouts.handle(body));
        }
    }

    private static void known(Context ctx, byte[] record) {
        if (record == null) {
            throw new ClientMistake(404, "unknown_rollout", ctx.path() + ": no rollout with id '"
                    + ctx.pathParam("id") + "' was submitted here (or it was forgotten): submit it again");
        }
        json(ctx, record);
    }

    private static MetadataResponse metadata(String runtimeId, TaskInfo taskInfo, RolloutModes modes) {
        GepaContractDeclaration gepa = GepaContractDeclaration.standard(ContractVersions.SERVED);
        ObjectNode capabilities = null;
        if (modes != RolloutModes.SYNC_ONLY) { // sync-only containers keep the /metadata they always served
            capabilities = JsonNodeFactory.instance.objectNode();
            modes.declared().forEach(capabilities.putArray("rollout_modes")::add);
        }
        return new MetadataResponse(new RuntimeInfo(runtimeId, taskInfo.taskId(), null), capabilities,
                new MetadataBlock(new OptimizerContracts(gepa, null), null), null);
    }

    static byte[] rows(TaskHandler handler, byte[] body) {
        DatasetRowsRequest request = RequestBodies.read(body, DatasetRowsRequest.class, "/dataset/rows");
        if (request.split() == null || request.split().isBlank()) {
            throw new ClientMistake(400, "missing_split", "/dataset/rows: 'split' is missing: send the split "
                    + "name as /dataset lists it, e.g. \"train\"");
        }
        if (request.seeds() == null) {
            throw new ClientMistake(400, "missing_seeds", "/dataset/rows: 'seeds' is missing: send an array of "
                    + "integer seeds");
        }
        if (request.seeds().contains(null)) {
            throw new ClientMistake(400, "wrong_type", "/dataset/rows: 'seeds' contains null: send integers only");
        }
        List<ExampleRow> rows;
        try {
            rows = handler.rows(request.split(), request.seeds());
        } catch (IllegalArgumentException e) {
            throw new ClientMistake(400, "unknown_example", "/dataset/rows: " + e.getMessage());
        }
        if (rows.size() != request.seeds().size()) {
            throw new IllegalStateException("the task handler returned " + rows.size() + " rows for "
                    + request.seeds().size() + " seeds");
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        ArrayNode array = out.putArray("rows");
        for (ExampleRow row : rows) {
            ObjectNode node = array.addObject();
            row.fields().forEach(node::put);
            node.put("example_id", row.exampleId()).put("seed", row.seed()).put("split", row.split());
        }
        return ContractCodec.write(out);
    }

    /** Javalin's own refusals (no route, wrong method, body over the limit) in our error shape. */
    private static void httpError(Context ctx, HttpResponseException e, ServerOptions options) {
        switch (e.getStatus()) {
            case 404 -> error(ctx, 404, "unknown_route", ctx.method() + " " + ctx.path() + " is not a route of this "
                    + "container; routes: /health /metadata /info /task_info /program /dataset /dataset/rows /rollout");
            case 405 -> error(ctx, 405, "wrong_method", ctx.method() + " " + ctx.path()
                    + " is not allowed: GET the discovery routes, POST /dataset/rows and /rollout");
            case 413 -> error(ctx, 413, "body_too_large", ctx.path() + ": the body is larger than this container "
                    + "accepts (" + options.maxBodyBytes() + " bytes): send one rollout per request");
            default -> error(ctx, e.getStatus(), "http_" + e.getStatus(), ctx.path() + ": " + e.getMessage());
        }
    }

    private static void checkKey(Context ctx, byte[] key) {
        String given = ctx.header("X-API-Key");
        if (given == null || !MessageDigest.isEqual(key, given.getBytes(StandardCharsets.UTF_8))) {
            throw new ClientMistake(401, "unauthorized", ctx.path() + ": " + (given == null ? "no" : "a wrong")
                    + " X-API-Key header: send the key this container was started with");
        }
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void json(Context ctx, byte[] body) {
        ctx.contentType(JSON).result(body);
    }

    private static void error(Context ctx, int status, String code, String detail) {
        ctx.status(status).contentType(JSON).result(ContractCodec.write(new ErrorResponse(code, detail)));
    }
}
