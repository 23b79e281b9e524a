package dev.gepa4j.testkit.faults;

import java.util.SplittableRandom;

/**
 * Decides the fault for each incoming rollout request, by its arrival number (from 1). Implementations must be
 * thread-safe; the factories below are deterministic in the arrival number.
 */
@FunctionalInterface
public interface FaultSchedule {
    Fault forRequest(long arrival);

    FaultSchedule NONE = arrival -> Fault.NONE;

    /** {@code length} consecutive requests fail with the fault, then {@code every - length} pass, repeating. */
    static FaultSchedule bursts(Fault fault, int every, int length) {
        if (length < 0 || every <= length) {
            throw new IllegalArgumentException("a burst of " + length + " needs a period longer than it, got " + every);
        }
        return arrival -> (arrival - 1) % every < length ? fault : Fault.NONE;
    }

    /** Each request gets the fault with the given probability, from a generator seeded by the arrival number. */
    static FaultSchedule random(Fault fault, double probability, long seed) {
        return arrival -> new SplittableRandom(seed * 1_000_003 + arrival).nextDouble() < probability
                ? fault : Fault.NONE;
    }

    /** The first schedule's fault when it has one, else the second's. */
    default FaultSchedule or(FaultSchedule other) {
        return arrival -> {
            Fault f = forRequest(arrival);
            return f != Fault.NONE ? f : other.forRequest(arrival);
        };
    }
}
