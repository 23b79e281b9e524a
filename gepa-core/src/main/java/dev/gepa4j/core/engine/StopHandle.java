package dev.gepa4j.core.engine;

import dev.gepa4j.core.strategy.LoopProgress;
import dev.gepa4j.core.strategy.StopCondition;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clean stop requested from outside the loop: the CLI's SIGINT handler, the console's stop button, a test.
 * The loop finishes the proposals in flight, skips the heldout pick and marks the run stopped, so {@code resume}
 * continues it exactly. Thread-safe; the first request's reason wins.
 */
public final class StopHandle implements StopCondition {
    private final AtomicReference<String> reason = new AtomicReference<>();

    public void request(String why) {
        reason.compareAndSet(null, why == null || why.isBlank() ? "stop requested" : why);
    }

    public boolean requested() {
        return reason.get() != null;
    }

    @Override
    public Optional<String> check(LoopProgress progress) {
        return Optional.ofNullable(reason.get());
    }
}
