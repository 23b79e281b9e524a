package dev.gepa4j.testkit.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.core.error.ListenFailures;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * TEST DOUBLE for a hosted LLM: a real HTTP server on 127.0.0.1 speaking {@code POST /v1/chat/completions} (OpenAI
 * wire format: {@code choices[].message.content}, {@code finish_reason}, {@code usage.prompt_tokens /
 * completion_tokens / total_tokens}) and {@code POST /v1/messages} (Anthropic: {@code content[].text},
 * {@code stop_reason}, {@code usage.input_tokens / output_tokens}).
 *
 * <p>Besides well-formed answers and error statuses it can misbehave on purpose (see {@link Misbehaviour}): an HTML
 * page or invalid JSON with status 200, a body dripped one byte at a time, a body larger than any client should read.
 *
 * <p>Answers come from a FIFO script ({@link #enqueue}); when the script is empty the fallback answers (by default
 * {@link ScriptedReply#echoImprove()}), except that a request a {@link TaskScript} recognises (a built-in task's
 * policy call or proposer request, see {@code TaskScripts}) gets that script's answer instead of echo-improve, tool
 * calls included. Every request is recorded ({@link #requests()}). Thread-safe.
 *
 * <p>As a program: {@code OpenAiCompatibleTestServer --port 8089 [--script replies.json] [--no-echo-improve]}; see
 * {@link ScriptFile} for the file format. It prints its base URL and serves until killed.
 */
public final class OpenAiCompatibleTestServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Deque<ScriptedReply> script = new ArrayDeque<>();
    private final List<RecordedRequest> requests = new ArrayList<>();
    private final EchoImprove echo = new EchoImprove();
    private final AtomicInteger ids = new AtomicInteger();
    private ScriptedReply fallback = ScriptedReply.echoImprove();
    private Javalin app;

    private OpenAiCompatibleTestServer() {
    }

    /** Starts on a free loopback port. */
    public static OpenAiCompatibleTestServer start() {
        return start(0);
    }

    /** Starts on the given loopback port (0 = any free port). */
    public static OpenAiCompatibleTestServer start(int port) {
        ListenFailures.checkCanListen("the LLM test double", "127.0.0.1", port);
        var server = new OpenAiCompatibleTestServer();
        server.app = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.concurrency.useVirtualThreads = true;
            cfg.routes.post("/v1/chat/completions", ctx -> server.handle(ctx, false));
            cfg.routes.post("/v1/messages", ctx -> server.handle(ctx, true));
        });
        try {
            server.app.start("127.0.0.1", port);
        } catch (RuntimeException e) {
            throw ListenFailures.describe("the LLM test double", "127.0.0.1", port, e);
        }
        return server;
    }

    /** Appends replies to the script, answered in order. */
    public synchronized OpenAiCompatibleTestServer enqueue(ScriptedReply... replies) {
        script.addAll(List.of(replies));
        return this;
    }

    /** What to answer once the script is used up (default: echo-improve). */
    public synchronized OpenAiCompatibleTestServer whenScriptEmpty(ScriptedReply reply) {
        this.fallback = reply;
        return this;
    }

    /** Requests received so far, in arrival order. */
    public synchronized List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Base URL for OpenAI-compatible clients, e.g. {@code http://127.0.0.1:41234/v1}. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/v1";
    }

    /** Base URL for Anthropic clients (they append {@code messages}). */
    public String anthropicBaseUrl() {
        return baseUrl() + "/";
    }

    public int port() {
        return app.port();
    }

    @Override
    public void close() {
        app.stop();
    }

    private void handle(Context ctx, boolean anthropic) throws Exception {
        long receivedAt = System.nanoTime();
        String body = ctx.body();
        JsonNode request;
        try {
            request = JSON.readTree(body);
        } catch (Exception e) {
            ctx.status(400).contentType("application/json").result(error(400, "request body is not JSON: "
                    + e.getMessage(), anthropic));
            return;
        }
        String userText = lastUserText(request);
        ScriptedReply reply;
        synchronized (this) {
            Map<String, String> headers = new HashMap<>();
            ctx.headerMap().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
            requests.add(new RecordedRequest(ctx.path(), headers, body, request.path("model").asText(""), userText,
                    receivedAt));
            reply = script.isEmpty() ? fallback : script.poll();
        }
        if (reply instanceof ScriptedReply.EchoImproveReply) {
            reply = TaskScripts.answer(request).orElse(reply);
        }
        String model = request.path("model").asText("test-model");
        switch (reply) {
            case ScriptedReply.HttpError err -> {
                if (err.retryAfter() != null) {
                    ctx.header("Retry-After", err.retryAfter());
                }
                ctx.status(err.status()).contentType("application/json").result(error(err.status(), err.message(), anthropic));
            }
            case ScriptedReply.Completion c -> ctx.contentType("application/json")
                    .result(completion(c, model, body.length(), anthropic));
            case ScriptedReply.ToolCalls calls -> {
                if (anthropic) {
                    ctx.status(400).contentType("application/json").result(error(400,
                            "test double: scripted tool calls are served on the OpenAI route only", true));
                } else {
                    ctx.contentType("application/json").result(toolCalls(calls, model, body.length()));
                }
            }
            case ScriptedReply.RawBody raw -> ctx.status(raw.status()).contentType(raw.contentType())
                    .result(raw.body());
            case ScriptedReply.Drip drip -> Misbehaviour.drip(ctx,
                    completion((ScriptedReply.Completion) ScriptedReply.answer(drip.content()), model, body.length(),
                            anthropic), drip.millisPerByte());
            case ScriptedReply.Flood flood -> Misbehaviour.flood(ctx, flood.bytes(), anthropic);
            case ScriptedReply.EchoImproveReply e -> ctx.contentType("application/json")
                    .result(completion((ScriptedReply.Completion) ScriptedReply.answer(echo.answer(userText)), model,
                            body.length(), anthropic));
        }
    }

    private String completion(ScriptedReply.Completion c, String model, int requestChars, boolean anthropic)
            throws Exception {
        long prompt = c.promptTokens() >= 0 ? c.promptTokens() : Math.max(1, requestChars / 4);
        long completion = c.completionTokens() >= 0 ? c.completionTokens() : c.content().length() / 4;
        ObjectNode root = JSON.createObjectNode();
        if (anthropic) {
            root.put("id", "msg_test_" + ids.incrementAndGet()).put("type", "message").put("role", "assistant")
                    .put("model", model);
            root.putArray("content").addObject().put("type", "text").put("text", c.content());
            root.put("stop_reason", "length".equals(c.finishReason()) ? "max_tokens" : "end_turn");
            root.putNull("stop_sequence");
            root.putObject("usage").put("input_tokens", prompt).put("output_tokens", completion);
        } else {
            root.put("id", "chatcmpl-test-" + ids.incrementAndGet()).put("object", "chat.completion")
                    .put("created", 1_700_000_000L).put("model", model);
            ObjectNode choice = root.putArray("choices").addObject();
            choice.put("index", 0);
            choice.putObject("message").put("role", "assistant").put("content", c.content());
            choice.put("finish_reason", c.finishReason());
            root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                    .put("total_tokens", prompt + completion);
        }
        return JSON.writeValueAsString(root);
    }

    private String toolCalls(ScriptedReply.ToolCalls reply, String model, int requestChars) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        root.put("id", "chatcmpl-test-" + ids.incrementAndGet()).put("object", "chat.completion")
                .put("created", 1_700_000_000L).put("model", model);
        ObjectNode choice = root.putArray("choices").addObject();
        choice.put("index", 0);
        ObjectNode message = choice.putObject("message").put("role", "assistant");
        if (reply.content().isEmpty()) {
            message.putNull("content");
        } else {
            message.put("content", reply.content());
        }
        var calls = message.putArray("tool_calls");
        long completion = reply.content().length() / 4;
        for (ScriptedReply.ToolCall call : reply.calls()) {
            ObjectNode c = calls.addObject().put("id", call.id()).put("type", "function");
            c.putObject("function").put("name", call.name()).put("arguments", call.arguments());
            completion += (call.name().length() + call.arguments().length()) / 4;
        }
        choice.put("finish_reason", "tool_calls");
        long prompt = Math.max(1, requestChars / 4);
        root.putObject("usage").put("prompt_tokens", prompt).put("completion_tokens", completion)
                .put("total_tokens", prompt + completion);
        return JSON.writeValueAsString(root);
    }

    private static String error(int status, String message, boolean anthropic) throws Exception {
        ObjectNode root = JSON.createObjectNode();
        String type = status == 429 ? "rate_limit_error" : status >= 500 ? "api_error" : "invalid_request_error";
        if (anthropic) {
            root.put("type", "error");
            root.putObject("error").put("type", type).put("message", message);
        } else {
            root.putObject("error").put("message", message).put("type", type).put("code", status);
        }
        return JSON.writeValueAsString(root);
    }

    /** Text of the last user message; content may be a string or a list of {type:text} parts. */
    private static String lastUserText(JsonNode request) {
        return textOf(request, "user");
    }

    /** Text of the last message of {@code role} (Anthropic's top-level {@code system} counts as the system message). */
    static String textOf(JsonNode request, String role) {
        String text = "system".equals(role) && request.path("system").isTextual() ? request.path("system").asText() : "";
        for (JsonNode m : request.path("messages")) {
            if (!role.equals(m.path("role").asText())) {
                continue;
            }
            JsonNode content = m.path("content");
            if (content.isTextual()) {
                text = content.asText();
            } else if (content.isArray()) {
                StringBuilder sb = new StringBuilder();
                content.forEach(part -> sb.append(part.path("text").asText("")));
                text = sb.toString();
            }
        }
        return text;
    }

    /** Runs the server as a program until killed. */
    public static void main(String[] args) throws Exception {
        int port = -1;
        String scriptPath = null;
        boolean echoImprove = true;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--port" -> port = Integer.parseInt(requireValue(args, ++i, "--port"));
                case "--script" -> scriptPath = requireValue(args, ++i, "--script");
                case "--no-echo-improve" -> echoImprove = false;
                default -> usage("unknown argument '" + args[i] + "'");
            }
        }
        if (port < 0) {
            usage("--port is required (0 picks a free port)");
        }
        var server = start(port);
        if (scriptPath != null) {
            server.enqueue(ScriptFile.read(java.nio.file.Path.of(scriptPath)).toArray(ScriptedReply[]::new));
        }
        if (!echoImprove) {
            server.whenScriptEmpty(new ScriptedReply.HttpError(503, null, "test double: script exhausted"));
        }
        System.out.println("OpenAI-compatible TEST DOUBLE listening on " + server.baseUrl()
                + " (Anthropic: " + server.anthropicBaseUrl() + ")");
        Thread.currentThread().join();
    }

    private static String requireValue(String[] args, int i, String flag) {
        if (i >= args.length) {
            usage(flag + " needs a value");
        }
        return args[i];
    }

    private static void usage(String problem) {
        System.err.println("error: " + problem);
        System.err.println("usage: OpenAiCompatibleTestServer --port N [--script replies.json] [--no-echo-improve]");
        System.exit(2);
    }
}
