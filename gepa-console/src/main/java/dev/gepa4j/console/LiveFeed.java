package dev.gepa4j.console;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gepa4j.core.workspace.WorkspaceReader;
import dev.gepa4j.runtime.evidence.EventView;
import dev.gepa4j.runtime.evidence.RunMetrics;
import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes a run's changes to its SSE subscribers. One daemon thread polls the workspace every {@code pollMillis} for
 * each run someone watches and sends three kinds of SSE events, each one JSON document:
 * {@code events} (new event lines), {@code rollouts} (new rollout ticks) and {@code summary} (the recomputed
 * {@link dev.gepa4j.runtime.evidence.RunSummary}, only when something changed). A new subscriber first gets the
 * current summary and the latest events; the page drops events it has already shown (by seq).
 */
final class LiveFeed implements AutoCloseable {
    static final int INITIAL_EVENTS = 300;
    private final WorkspaceReader reader;
    private final ObjectMapper json;
    private final Map<String, LiveRun> runs = new ConcurrentHashMap<>();
    private final Map<String, Set<SseClient>> subscribers = new ConcurrentHashMap<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "gepa-console-poller");
        t.setDaemon(true);
        return t;
    });

    LiveFeed(WorkspaceReader reader, ObjectMapper json, long pollMillis) {
        this.reader = reader;
        this.json = json;
        poller.scheduleWithFixedDelay(this::pollAll, pollMillis, pollMillis, TimeUnit.MILLISECONDS);
    }

    /** Registers the client, sends it the run as it is now, and keeps it open until the browser leaves. */
    void subscribe(String runId, SseClient client) {
        client.keepAlive();
        Set<SseClient> set = subscribers.computeIfAbsent(runId, id -> ConcurrentHashMap.newKeySet());
        set.add(client);
        client.onClose(() -> set.remove(client));
        List<EventView> events = reader.events(runId, 0).stream().map(EventView::of).toList();
        send(client, "summary", RunMetrics.summarize(reader, runId));
        send(client, "events", events.subList(Math.max(0, events.size() - INITIAL_EVENTS), events.size()));
    }

    private void pollAll() {
        for (Map.Entry<String, Set<SseClient>> e : subscribers.entrySet()) {
            if (e.getValue().isEmpty()) {
                runs.remove(e.getKey());
                continue;
            }
            try {
                LiveRun run = runs.computeIfAbsent(e.getKey(), id -> new LiveRun(reader, id));
                boolean first = run.summary() == null;
                LiveRun.Delta delta = run.poll();
                if (first || delta.isEmpty()) {
                    continue; // the first poll only catches up with what subscribers got on connect
                }
                for (SseClient client : e.getValue()) {
                    if (!delta.events().isEmpty()) {
                        send(client, "events", delta.events());
                    }
                    if (!delta.rollouts().isEmpty()) {
                        send(client, "rollouts", delta.rollouts());
                    }
                    if (delta.summary() != null) {
                        send(client, "summary", delta.summary());
                    }
                }
            } catch (RuntimeException failure) {
                // a busy or briefly locked workspace must not kill the poller: the next round retries
                System.err.println("gepa console: cannot poll run " + e.getKey() + ": " + failure.getMessage());
            }
        }
    }

    private void send(SseClient client, String event, Object value) {
        String data;
        try {
            data = json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the " + event + " message as JSON", e);
        }
        synchronized (client) {
            if (!client.terminated()) {
                client.sendEvent(event, data);
            }
        }
    }

    @Override
    public void close() {
        poller.shutdownNow();
        subscribers.values().forEach(set -> set.forEach(SseClient::close));
    }
}
