package dev.gepa4j.sdk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gepa4j.contract.ContractCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Async rollouts of {@link ContainerServer}: a submission is checked (refusals answered at once, as in sync mode),
 * queued under its {@code rollout_id} (a fresh id when it names none) and run on a virtual thread; the 202 answer is
 * the queued record. {@code GET /rollouts/{id}} gives the record ({@code queued}, {@code running}) or, once done, the
 * whole sync response ({@code completed} or {@code failed}); {@code POST /rollouts/{id}/terminate} cancels a rollout
 * still running. Submitting an id again returns its record without running it again. The last
 * {@code remembered} records are kept (least recently touched dropped first); an unknown id answers 404.
 */
final class AsyncRolloutService {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One submitted rollout; fields are written under the service's lock. */
    private static final class Submitted {
        String status = "queued";
        byte[] result;
        Thread worker;
    }

    private final RolloutService rollouts;
    private final Map<String, Submitted> entries;

    AsyncRolloutService(RolloutService rollouts, int remembered) {
        this.rollouts = rollouts;
        this.entries = new LinkedHashMap<>(Math.min(remembered, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Submitted> eldest) {
                return size() > remembered;
            }
        };
    }

    /** The queued record for a submission (HTTP 202). */
    byte[] submit(byte[] body) {
        String named = rollouts.validate(body);
        String id = named != null ? named : "rollout_" + UUID.randomUUID();
        Submitted entry;
        synchronized (this) {
            Submitted known = entries.get(id);
            if (known != null) {
                return record(id, known);
            }
            entry = new Submitted();
            entries.put(id, entry);
            entry.worker = Thread.ofVirtual().name("gepa-sdk-async-" + id).unstarted(() -> run(id, body, entry));
        }
        entry.worker.start();
        synchronized (this) {
            return record(id, entry);
        }
    }

    /** The record of {@code id}: its status while it runs, its whole response when done; null when unknown. */
    synchronized byte[] poll(String id) {
        Submitted entry = entries.get(id);
        return entry == null ? null : record(id, entry);
    }

    /** Cancels {@code id} if it is still running; its record after that, or null when unknown. */
    byte[] terminate(String id) {
        Thread worker = null;
        byte[] answer;
        synchronized (this) {
            Submitted entry = entries.get(id);
            if (entry == null) {
                return null;
            }
            if (entry.result == null && !entry.status.equals("cancelled")) {
                entry.status = "cancelled";
                worker = entry.worker;
            }
            answer = record(id, entry);
        }
        if (worker != null) {
            worker.interrupt();
        }
        return answer;
    }

    private void run(String id, byte[] body, Submitted entry) {
        synchronized (this) {
            if (entry.status.equals("cancelled")) {
                return;
            }
            entry.status = "running";
        }
        byte[] answer;
        try {
            answer = rollouts.handle(body, id);
        } catch (InterruptedException e) {
            return; // terminated: the record already says cancelled
        } catch (RuntimeException | Error e) {
            answer = ContractCodec.write(NODES.objectNode().put("rollout_id", id).put("status", "failed")
                    .put("error", "the rollout failed inside the container: " + e));
        }
        synchronized (this) {
            if (!entry.status.equals("cancelled")) {
                entry.result = answer;
                JsonNode status = ContractCodec.readTree(answer).get("status");
                entry.status = status != null && status.isTextual() ? status.asText() : "completed";
            }
        }
    }

    private static byte[] record(String id, Submitted entry) {
        if (entry.result != null) {
            return entry.result;
        }
        ObjectNode record = NODES.objectNode().put("rollout_id", id).put("status", entry.status)
                .put("success_status", entry.status.equals("cancelled") ? "cancelled" : "pending");
        return ContractCodec.write(record);
    }
}
