package dev.gepa4j.cli;

import dev.gepa4j.core.engine.LoopResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The one line a run ends with: seed and best heldout accuracy, lift, rollouts executed, wall time, packet. */
final class SummaryLine {
    private SummaryLine() {
    }

    static String of(LoopResult r, long executed, Duration wall, Path packetDir) {
        String lift = r.seedHeldoutMean() == null || r.bestHeldoutMean() == null ? "n/a"
                : String.format(Locale.ROOT, "%+.3f", r.bestHeldoutMean() - r.seedHeldoutMean());
        return String.format(Locale.ROOT,
                "%s: seed heldout %s -> best heldout %s (lift %s; best %s, train %s -> %s), %d rollouts executed, "
                        + "%.1f s, stop: %s; evidence: %s",
                r.runId(), fmt(r.seedHeldoutMean()), fmt(r.bestHeldoutMean()), lift, r.bestCandidateId(),
                fmt(r.seedTrainMean()), fmt(r.bestTrainMean()), executed, wall.toMillis() / 1000.0, r.stopReason(),
                packetDir.resolve("packet.json"));
    }

    private static String fmt(Double v) {
        return v == null ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
    }
}
