package dev.gepa4j.core.rollout;

import dev.gepa4j.core.container.TaskContainer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The container endpoints serving one run. {@link #lease} picks the healthy endpoint with the fewest outstanding
 * requests (ties go to the earlier endpoint). An endpoint whose calls fail {@code failuresToEject} times in a row
 * with connection errors or 5xx is taken out for a cool-down; once the cool-down has passed, it gets one probe
 * request (any lease), and goes back in on success or out for twice as long on failure. When every endpoint is out,
 * the one due back soonest is used anyway, so the run keeps trying instead of stalling. Thread-safe.
 */
public final class EndpointPool {
    private final List<Slot> slots = new ArrayList<>();
    private final int failuresToEject;
    private final long baseCooldownNanos;
    private final long maxCooldownNanos;
    private final LongSupplier nanoClock;

    /**
     * @param endpoints       one or more containers; the pool does not close them
     * @param failuresToEject consecutive failures that take an endpoint out
     * @param cooldown        first time out, doubling per failed probe up to 32 times as long
     * @param nanoClock       monotonic clock, {@code System::nanoTime} outside tests
     */
    public EndpointPool(List<TaskContainer> endpoints, int failuresToEject, Duration cooldown, LongSupplier nanoClock) {
        if (endpoints.isEmpty()) {
            throw new IllegalArgumentException("the endpoint pool needs at least one container endpoint");
        }
        if (failuresToEject < 1) {
            throw new IllegalArgumentException("failuresToEject must be >= 1, was " + failuresToEject);
        }
        for (TaskContainer c : endpoints) {
            slots.add(new Slot(c));
        }
        this.failuresToEject = failuresToEject;
        this.baseCooldownNanos = cooldown.toNanos();
        this.maxCooldownNanos = cooldown.toNanos() * 32;
        this.nanoClock = nanoClock;
    }

    /** Three failures in a row take an endpoint out for 1 s (doubling per failed probe). */
    public static EndpointPool of(List<TaskContainer> endpoints) {
        return new EndpointPool(endpoints, 3, Duration.ofSeconds(1), System::nanoTime);
    }

    /** Picks an endpoint for one request; the caller must report the outcome on the returned lease exactly once. */
    public synchronized Lease lease() {
        long now = nanoClock.getAsLong();
        Slot best = null;
        for (Slot s : slots) {
            boolean usable = s.healthy() || (!s.probing && now - s.outUntil >= 0);
            if (usable && (best == null || s.outstanding < best.outstanding)) {
                best = s;
            }
        }
        if (best == null) {
            for (Slot s : slots) {
                if (best == null || s.outUntil - best.outUntil < 0) {
                    best = s;
                }
            }
        }
        if (!best.healthy()) {
            best.probing = true;
        }
        best.outstanding++;
        return new Lease(best);
    }

    /** Endpoints currently taken out. */
    public synchronized List<String> unhealthy() {
        return slots.stream().filter(s -> !s.healthy()).map(s -> s.container.endpoint()).toList();
    }

    public int size() {
        return slots.size();
    }

    private synchronized void finish(Slot slot, boolean ok, boolean endpointFault) {
        slot.outstanding--;
        slot.probing = false;
        if (ok) {
            slot.consecutiveFailures = 0;
            slot.cooldown = 0;
            return;
        }
        if (!endpointFault) {
            return;
        }
        slot.consecutiveFailures++;
        if (slot.consecutiveFailures >= failuresToEject) {
            slot.cooldown = slot.cooldown == 0 ? baseCooldownNanos : Math.min(maxCooldownNanos, slot.cooldown * 2);
            slot.outUntil = nanoClock.getAsLong() + slot.cooldown;
        }
    }

    private final class Slot {
        final TaskContainer container;
        int outstanding;
        int consecutiveFailures;
        long cooldown;
        long outUntil;
        boolean probing;

        Slot(TaskContainer container) {
            this.container = container;
        }

        boolean healthy() {
            return consecutiveFailures < failuresToEject;
        }
    }

    /** One request's hold on an endpoint. */
    public final class Lease {
        private final Slot slot;
        private boolean done;

        private Lease(Slot slot) {
            this.slot = slot;
        }

        public TaskContainer container() {
            return slot.container;
        }

        /** The endpoint answered (any valid answer, including an example that failed inside it). */
        public void succeeded() {
            end(true, false);
        }

        /**
         * The call failed.
         *
         * @param endpointFault true for failures that say the endpoint itself is unwell (no connection, 5xx,
         *                      timeout), false for answers that only concern this request (429, 4xx, bad JSON)
         */
        public void failed(boolean endpointFault) {
            end(false, endpointFault);
        }

        private void end(boolean ok, boolean endpointFault) {
            if (done) {
                throw new IllegalStateException("lease on " + slot.container.endpoint() + " already ended");
            }
            done = true;
            finish(slot, ok, endpointFault);
        }
    }
}
