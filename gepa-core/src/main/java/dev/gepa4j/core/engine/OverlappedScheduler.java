package dev.gepa4j.core.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.Supplier;

/**
 * FlashEvolve-style lanes: {@code lanes} virtual threads each run whole iterations (plan, propose, roll out, gate,
 * register) back to back, so one lane's proposer call overlaps another's rollouts. Before starting an iteration a
 * lane asks the stop check, which is told how many iterations are in flight so the budget check can keep the heldout
 * reserve safe from all of them. The first stop reason ends dispatching; iterations in flight finish. A fatal
 * failure in one lane stops the others and is rethrown once all have finished.
 */
final class OverlappedScheduler {
    private final int lanes;
    private final IntFunction<Optional<String>> stopCheck;
    private final Supplier<IterationOutcome> iteration;
    private final AtomicReference<String> reason = new AtomicReference<>();
    private final AtomicReference<RuntimeException> fatal = new AtomicReference<>();
    private int inFlight;

    /**
     * @param stopCheck given the number of iterations in flight, the stop reason or empty
     * @param iteration runs one iteration; throws only when the loop cannot go on
     */
    OverlappedScheduler(int lanes, IntFunction<Optional<String>> stopCheck, Supplier<IterationOutcome> iteration) {
        this.lanes = lanes;
        this.stopCheck = stopCheck;
        this.iteration = iteration;
    }

    /** Runs the lanes until a stop reason; returns it. */
    String run() {
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < lanes; i++) {
            threads.add(Thread.ofVirtual().name("gepa-lane-" + i).start(this::lane));
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason.compareAndSet(null, "interrupted");
            }
        }
        if (fatal.get() != null) {
            throw fatal.get();
        }
        return reason.get();
    }

    private void lane() {
        while (dispatch()) {
            try {
                iteration.get();
            } catch (RuntimeException e) {
                fatal.compareAndSet(null, e);
                reason.compareAndSet(null, "failed: " + e.getMessage());
            } finally {
                synchronized (this) {
                    inFlight--;
                    notifyAll();
                }
            }
        }
    }

    /** Claims a slot for one more iteration, or returns false once the run is stopping. */
    private synchronized boolean dispatch() {
        while (true) {
            if (reason.get() != null) {
                return false;
            }
            Optional<String> stop = stopCheck.apply(inFlight);
            if (stop.isEmpty()) {
                inFlight++;
                return true;
            }
            if (inFlight == 0) {
                reason.compareAndSet(null, stop.get());
                return false;
            }
            // A budget that cannot cover one more iteration besides those in flight may once they finish.
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                reason.compareAndSet(null, "interrupted");
                return false;
            }
        }
    }
}
