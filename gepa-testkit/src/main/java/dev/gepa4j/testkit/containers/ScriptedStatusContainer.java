package dev.gepa4j.testkit.containers;

import io.javalin.Javalin;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A server whose {@code POST /rollout} answers whatever status, {@code Retry-After} and body the test scripted
 * last; for testing how a client types failures. It has no other route. Counts rollout calls. Binds 127.0.0.1 on a
 * free port.
 */
public final class ScriptedStatusContainer implements AutoCloseable {
    private record Script(int status, String retryAfter, String contentType, String body) {
    }

    private final Javalin app;
    private final AtomicInteger rolloutCalls = new AtomicInteger();
    private volatile Script script = new Script(500, null, "application/json", "{\"error\":\"scripted\"}");

    private ScriptedStatusContainer() {
        this.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/rollout", ctx -> {
                rolloutCalls.incrementAndGet();
                Script s = script;
                ctx.status(s.status()).contentType(s.contentType()).result(s.body());
                if (s.retryAfter() != null) {
                    ctx.header("Retry-After", s.retryAfter());
                }
            });
        });
        app.start("127.0.0.1", 0);
    }

    public static ScriptedStatusContainer start() {
        return new ScriptedStatusContainer();
    }

    /** From now on, {@code POST /rollout} answers this. */
    public void answerWith(int status, String retryAfter, String contentType, String body) {
        this.script = new Script(status, retryAfter, contentType, body);
    }

    /** Base URL; only {@code /rollout} answers. */
    public String url() {
        return "http://127.0.0.1:" + app.port();
    }

    public int rolloutCalls() {
        return rolloutCalls.get();
    }

    @Override
    public void close() {
        app.stop();
    }
}
