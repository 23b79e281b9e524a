package dev.gepa4j.console;

import dev.gepa4j.core.workspace.CandidateRecord;
import dev.gepa4j.core.workspace.RunInfo;
import dev.gepa4j.core.workspace.WorkspaceException;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.evidence.CandidatePrompt;
import dev.gepa4j.runtime.evidence.EventView;
import dev.gepa4j.runtime.evidence.RolloutDetail;
import dev.gepa4j.runtime.evidence.RunMetrics;
import dev.gepa4j.runtime.evidence.ViewAssets;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Every route of the console, in one place:
 * <pre>
 * GET /                                   the page
 * GET /assets/{gepa-view.js, gepa-view.css, console.js}
 * GET /webjars/uplot/1.6.30/dist/...      uPlot, from its webjar
 * GET /api/runs                           [RunListing], by start time
 * GET /api/runs/{run}/summary             RunSummary
 * GET /api/runs/{run}/candidates          [CandidateScore]
 * GET /api/runs/{run}/candidates/{id}     CandidatePrompt
 * GET /api/runs/{run}/grid                FrontierGrid
 * GET /api/runs/{run}/rollouts/{seq}      RolloutDetail (output and trace cut to 20,000 characters)
 * GET /api/runs/{run}/events?after=N      [EventView] with seq greater than N
 * SSE /api/runs/{run}/live                events, rollouts and summary messages (see LiveFeed)
 * </pre>
 * Unknown runs, candidates and rollouts answer 404 with a message.
 */
final class ConsoleRoutes {
    static final int DETAIL_CHARS = 20_000;

    private ConsoleRoutes() {
    }

    static void install(JavalinConfig cfg, WorkspaceReader reader, LiveFeed feed) {
        Map<String, String> assets = Map.of(
                "gepa-view.js", ViewAssets.viewJs(), "gepa-view.css", ViewAssets.viewCss(),
                "console.js", resource("console.js"));
        String page = resource("index.html");
        var routes = cfg.routes;
        routes.get("/", ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        routes.get("/assets/{name}", ctx -> {
            String body = assets.get(ctx.pathParam("name"));
            if (body == null) {
                throw new NotFoundResponse("no asset " + ctx.pathParam("name"));
            }
            ctx.contentType(ctx.pathParam("name").endsWith(".css") ? "text/css; charset=utf-8"
                    : "text/javascript; charset=utf-8").result(body);
        });
        routes.get("/api/runs", ctx -> ctx.json(reader.runs().stream()
                .map(r -> RunListing.of(RunMetrics.summarize(reader, r.runId()))).toList()));
        routes.get("/api/runs/{run}/summary", ctx -> ctx.json(RunMetrics.summarize(reader, run(reader, ctx))));
        routes.get("/api/runs/{run}/candidates", ctx ->
                ctx.json(RunMetrics.summarize(reader, run(reader, ctx)).candidates()));
        routes.get("/api/runs/{run}/grid", ctx -> ctx.json(RunMetrics.summarize(reader, run(reader, ctx)).grid()));
        routes.get("/api/runs/{run}/candidates/{id}", ctx -> {
            String id = ctx.pathParam("id");
            CandidateRecord record = reader.candidates(run(reader, ctx)).stream()
                    .filter(c -> c.candidate().id().equals(id)).findFirst()
                    .orElseThrow(() -> new NotFoundResponse("no candidate " + id + " in this run"));
            ctx.json(CandidatePrompt.of(record));
        });
        routes.get("/api/runs/{run}/rollouts/{seq}", ctx -> {
            long seq = ctx.pathParamAsClass("seq", Long.class).get();
            var found = reader.rollouts(run(reader, ctx), seq - 1).stream().filter(r -> r.seq() == seq).findFirst()
                    .orElseThrow(() -> new NotFoundResponse("no rollout " + seq + " in this run"));
            ctx.json(RolloutDetail.of(found, null, DETAIL_CHARS));
        });
        routes.get("/api/runs/{run}/events", ctx -> {
            long after = ctx.queryParamAsClass("after", Long.class).getOrDefault(0L);
            ctx.json(reader.events(run(reader, ctx), after).stream().map(EventView::of).toList());
        });
        routes.sse("/api/runs/{run}/live", client -> feed.subscribe(run(reader, client.ctx()), client));
        routes.exception(WorkspaceException.class, (e, ctx) -> ctx.status(500).json(Map.of("error", e.getMessage())));
    }

    /** The run id of the path, checked to exist. */
    private static String run(WorkspaceReader reader, Context ctx) {
        String runId = ctx.pathParam("run");
        return reader.run(runId).map(RunInfo::runId)
                .orElseThrow(() -> new NotFoundResponse("no run " + runId + " in this workspace"));
    }

    private static String resource(String name) {
        String path = "dev/gepa4j/console/" + name;
        try (InputStream in = ConsoleRoutes.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("console resource " + path + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read console resource " + path, e);
        }
    }
}
