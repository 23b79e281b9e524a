package dev.gepa4j.testkit.llm;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * TEST DOUBLE behaviours of a hostile model server, written straight to the response stream so the client sees
 * exactly what a real misbehaving server would send: headers first, then a body that arrives too slowly or never
 * ends. Each stops as soon as the client disconnects (the write fails).
 */
final class Misbehaviour {
    private Misbehaviour() {
    }

    /** Status 200, headers flushed at once, then {@code body} one byte every {@code millisPerByte} ms. */
    static void drip(Context ctx, String body, long millisPerByte) throws InterruptedException {
        ctx.status(200).contentType("application/json");
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.flush(); // commits the headers
            for (byte b : bytes) {
                out.write(b);
                out.flush();
                Thread.sleep(millisPerByte);
            }
        } catch (IOException clientGone) {
            // the client gave up: exactly what a bounded client should do
        }
    }

    /** A completion whose content is {@code bytes} bytes of 'x', chunked, with no Content-Length. */
    static void flood(Context ctx, long bytes, boolean anthropic) {
        ctx.status(200).contentType("application/json");
        String head = anthropic
                ? "{\"id\":\"msg_flood\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"m\","
                        + "\"content\":[{\"type\":\"text\",\"text\":\""
                : "{\"id\":\"chatcmpl-flood\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"";
        String tail = anthropic
                ? "\"}],\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}"
                : "\"},\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":1,"
                        + "\"total_tokens\":2}}";
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        try {
            OutputStream out = ctx.res().getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            for (long sent = 0; sent < bytes; sent += chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, bytes - sent));
            }
            out.write(tail.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException clientGone) {
            // the client stopped reading at its cap
        }
    }
}
